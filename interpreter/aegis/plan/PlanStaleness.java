package aegis.plan;

import aegis.plan.RunbookSource.FileDigest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a saved plan may still be applied: the runbook text (and every file it depends
 * on), the environment, the inputs and the live state it read must all be as they were. Each
 * difference becomes one reason a person can act on; no reasons means the plan is current.
 */
public final class PlanStaleness {
  private static final int CALL_WIDTH = 80;
  private static final int VALUE_WIDTH = 40;

  private PlanStaleness() {}

  /** Why {@code saved} is stale given {@code now}, in a stable order; empty if it is not. */
  public static List<String> compare(Plan saved, CurrentState now) {
    List<String> reasons = new ArrayList<>();
    if (saved.offline()) {
      reasons.add("the plan was made with --offline: it read no live state, so it cannot be applied; plan again without --offline");
    }
    compareRunbook(saved.runbook(), now.runbook(), reasons);
    compareEnvironment(saved.environment(), now.environment(), reasons);
    compareInputs(saved.inputs(), now.inputs(), reasons);
    if (!saved.offline()) compareReads(saved.liveReads(), now.reads(), reasons);
    return List.copyOf(reasons);
  }

  private static void compareRunbook(RunbookSource was, RunbookSource is, List<String> reasons) {
    if (!was.path().equals(is.path())) reasons.add("runbook changed: " + was.path() + " -> " + is.path());
    if (!was.sha256().equals(is.sha256())) {
      String commits = was.gitCommit() != null && is.gitCommit() != null && !was.gitCommit().equals(is.gitCommit())
          ? ", commit " + shortCommit(was.gitCommit()) + " -> " + shortCommit(is.gitCommit()) : "";
      reasons.add("runbook text changed (sha256 " + Fingerprints.shortHash(was.sha256()) + " -> "
          + Fingerprints.shortHash(is.sha256()) + commits + ")");
    }
    Map<String, String> before = digests(was.dependencies());
    Map<String, String> after = digests(is.dependencies());
    for (var e : before.entrySet()) {
      String current = after.get(e.getKey());
      if (current == null) {
        reasons.add("file `" + e.getKey() + "` is no longer used by the runbook");
      } else if (!current.equals(e.getValue())) {
        reasons.add("file `" + e.getKey() + "` changed (sha256 " + Fingerprints.shortHash(e.getValue()) + " -> "
            + Fingerprints.shortHash(current) + ")");
      }
    }
    for (String path : after.keySet()) {
      if (!before.containsKey(path)) reasons.add("the runbook now also depends on file `" + path + "`");
    }
  }

  private static void compareEnvironment(EnvironmentRef was, EnvironmentRef is, List<String> reasons) {
    if (!was.name().equals(is.name())) {
      reasons.add("environment changed: " + was.name() + " -> " + is.name());
    } else if (!was.sha256().equals(is.sha256())) {
      reasons.add("environment `" + was.name() + "` definition changed (sha256 " + Fingerprints.shortHash(was.sha256())
          + " -> " + Fingerprints.shortHash(is.sha256()) + ")");
    }
  }

  private static void compareInputs(PlanInputs was, PlanInputs is, List<String> reasons) {
    Set<String> names = new LinkedHashSet<>(was.hashes().keySet());
    names.addAll(is.hashes().keySet());
    for (String name : names) {
      String before = was.hashes().get(name);
      String after = is.hashes().get(name);
      if (before == null) {
        reasons.add("input `" + name + "` was added (" + shown(is.values().get(name)) + ")");
      } else if (after == null) {
        reasons.add("input `" + name + "` was removed");
      } else if (!before.equals(after)) {
        JsonNode old = was.values().get(name);
        JsonNode neu = is.values().get(name);
        boolean secret = PlanValues.isSensitive(old) || PlanValues.isSensitive(neu);
        reasons.add("input `" + name + "` changed" + (secret ? " (sensitive)" : " (" + shown(old) + " -> " + shown(neu) + ")"));
      }
    }
  }

  /**
   * Reads are matched by call and arguments; a runbook that reads the same thing twice is matched
   * occurrence by occurrence, in order.
   */
  private static void compareReads(List<LiveRead> was, List<LiveRead> is, List<String> reasons) {
    Map<String, List<LiveRead>> current = new LinkedHashMap<>();
    for (LiveRead r : is) current.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
    for (LiveRead r : was) {
      List<LiveRead> candidates = current.get(r.key());
      if (candidates == null || candidates.isEmpty()) {
        reasons.add("live read no longer made: " + r.describe(CALL_WIDTH) + where(r));
        continue;
      }
      LiveRead now = candidates.removeFirst();
      if (!now.resultSha256().equals(r.resultSha256())) {
        reasons.add("live state changed: " + r.describe(CALL_WIDTH) + where(r) + " returned a different result");
      }
    }
    for (List<LiveRead> left : current.values()) {
      for (LiveRead r : left) reasons.add("the runbook now makes a live read the plan did not: " + r.describe(CALL_WIDTH) + where(r));
    }
  }

  private static Map<String, String> digests(List<FileDigest> files) {
    Map<String, String> map = new LinkedHashMap<>();
    for (FileDigest f : files) map.put(f.path(), f.sha256());
    return map;
  }

  private static String where(LiveRead r) {
    return r.location() == null ? "" : " at " + r.location();
  }

  private static String shown(JsonNode value) {
    if (value == null) return "absent";
    if (PlanValues.isSensitive(value)) return PlanValues.SENSITIVE_TEXT;
    String text = Fingerprints.canonical(value);
    return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 1) + "…";
  }

  private static String shortCommit(String commit) {
    return Objects.requireNonNull(commit).length() > 10 ? commit.substring(0, 10) : commit;
  }
}
