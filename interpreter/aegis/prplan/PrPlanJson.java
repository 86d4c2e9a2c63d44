package aegis.prplan;

import aegis.plan.FieldChange;
import aegis.plan.PlanSummary;
import aegis.plan.PlannedAction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * {@code aegis pr-plan --format json}: the report for machines, schema version 1. Members:
 * {@code base} and {@code head} ({@code ref}, {@code commit}), {@code offline}, {@code changedFiles},
 * {@code summary} (counts by status), {@code exitCode}, and {@code runbooks}: each with
 * {@code runbook}, {@code environment}, {@code status} ({@code changed}, {@code new}, {@code removed},
 * {@code error}, {@code not planned}, {@code unchanged}), {@code because}, {@code base} and
 * {@code head} ({@code state} {@code planned} with {@code actions} and {@code planSummary},
 * {@code absent}, {@code failed} with {@code problems}, {@code skipped} with {@code reason}), and
 * {@code changes} ({@code change} {@code added}/{@code removed}/{@code changed}, {@code step},
 * {@code before}/{@code after} actions, {@code fields}). Values are redacted as in plans.
 */
public final class PrPlanJson {
  /** The version of this document's shape; it changes when a member changes meaning or goes away. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PrPlanJson() {}

  /** The report as indented JSON, ending with a newline. */
  public static String write(PrPlanReport report) {
    try {
      return MAPPER.writeValueAsString(toTree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always serializes", e);
    }
  }

  static ObjectNode toTree(PrPlanReport report) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.set("base", commit(report.base()));
    root.set("head", commit(report.head()));
    root.put("offline", report.offline());
    var files = root.putArray("changedFiles");
    report.changedFiles().forEach(files::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("affected", report.runbooks().size());
    for (RunbookChange.Status s : RunbookChange.Status.values()) summary.put(key(s), report.count(s));
    root.put("exitCode", report.exitCode());
    var runbooks = root.putArray("runbooks");
    for (RunbookChange r : report.runbooks()) runbooks.add(runbook(r));
    return root;
  }

  private static ObjectNode commit(PrPlanReport.Commit c) {
    return NODES.objectNode().put("ref", c.ref()).put("commit", c.id());
  }

  /** {@code notPlanned} for "not planned": JSON keys are single words. */
  private static String key(RunbookChange.Status s) {
    return s == RunbookChange.Status.SKIPPED ? "notPlanned" : s.word.toLowerCase(Locale.ROOT);
  }

  private static ObjectNode runbook(RunbookChange r) {
    ObjectNode o = NODES.objectNode();
    o.put("runbook", r.runbook());
    o.put("environment", r.environment());
    o.put("status", r.status().word);
    var because = o.putArray("because");
    r.because().forEach(because::add);
    o.set("base", side(r.base()));
    o.set("head", side(r.head()));
    var changes = o.putArray("changes");
    for (ActionChange c : r.changes()) {
      ObjectNode change = changes.addObject();
      change.put("change", c.kind().word);
      change.put("step", c.step());
      if (c.before() != null) change.set("before", action(c.before()));
      if (c.after() != null) change.set("after", action(c.after()));
      var fields = change.putArray("fields");
      for (FieldChange f : c.fields()) {
        ObjectNode field = fields.addObject().put("path", f.path()).put("kind", f.kind().name().toLowerCase(Locale.ROOT));
        if (f.before() != null) field.set("before", f.before());
        if (f.after() != null) field.set("after", f.after());
      }
    }
    return o;
  }

  private static ObjectNode side(Side side) {
    ObjectNode o = NODES.objectNode();
    switch (side) {
      case Side.Absent a -> o.put("state", "absent");
      case Side.Planned p -> {
        o.put("state", "planned");
        o.put("actions", p.plan().actions().size());
        PlanSummary s = p.plan().summary();
        o.putObject("planSummary").put("create", s.create()).put("change", s.change()).put("delete", s.delete())
            .put("run", s.run()).put("destructive", s.destructive()).put("unchanged", s.unchanged()).put("conditional", s.conditional());
      }
      case Side.Failed f -> {
        o.put("state", "failed");
        var problems = o.putArray("problems");
        f.problems().forEach(problems::add);
      }
      case Side.Skipped s -> o.put("state", "skipped").put("reason", s.reason());
    }
    return o;
  }

  private static ObjectNode action(PlannedAction a) {
    ObjectNode o = NODES.objectNode();
    o.put("call", a.call());
    o.put("target", a.target().display());
    o.put("operation", a.operation().name().toLowerCase(Locale.ROOT));
    o.put("effect", a.effect().keyword());
    if (a.description() != null) o.put("description", PlanDiff.normalText(a.description()));
    if (a.desired() != null) o.set("desired", PlanDiff.normal(a.desired()));
    if (a.conditional() != null) o.put("conditional", a.conditional().describe());
    return o;
  }
}
