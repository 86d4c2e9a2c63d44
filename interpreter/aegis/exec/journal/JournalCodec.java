package aegis.exec.journal;

import aegis.exec.journal.JournalRecord.ActionApplied;
import aegis.exec.journal.JournalRecord.ApprovalGranted;
import aegis.exec.journal.JournalRecord.ApprovalWaiting;
import aegis.exec.journal.JournalRecord.CheckKind;
import aegis.exec.journal.JournalRecord.CheckResult;
import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunResumed;
import aegis.exec.journal.JournalRecord.RunStarted;
import aegis.exec.journal.JournalRecord.StepFinished;
import aegis.exec.journal.JournalRecord.StepStarted;
import aegis.exec.journal.JournalRecord.Unknown;
import aegis.exec.journal.JournalRecord.WindowOverridden;
import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's on-disk form: each record is one JSON object whose {@code type} names the record
 * kind. The mapping is written out by hand rather than derived by reflection so that renaming a
 * Java field can never silently change the format of journals already on disk.
 *
 * <p>Compatibility: readers ignore members they do not know, and {@link #decode} turns a type it
 * does not know, or a known type it cannot read, into {@link Unknown} instead of failing.
 */
public final class JournalCodec {
  /** The journal format version, written into every {@link RunStarted}. */
  public static final int SCHEMA = 1;

  /** Shared and thread-safe once configured; used for parsing and printing journal JSON. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JournalCodec() {}

  /** The record's {@code type} member. */
  public static String typeOf(JournalRecord record) {
    return switch (record) {
      case RunStarted r -> "run-started";
      case RunResumed r -> "run-resumed";
      case StepStarted r -> "step-started";
      case StepFinished r -> "step-finished";
      case ActionApplied r -> "action-applied";
      case CheckResult r -> "check";
      case ApprovalWaiting r -> "approval-waiting";
      case ApprovalGranted r -> "approval-granted";
      case WindowOverridden r -> "window-overridden";
      case RunFinished r -> "run-finished";
      case Unknown r -> r.type() == null ? "unknown" : r.type();
    };
  }

  /**
   * The record as a JSON object. An {@link Unknown} is written back as it was read (a value that
   * was not an object is wrapped as {@code {"type": "unknown", "raw": ...}}).
   */
  public static ObjectNode encode(JournalRecord record) {
    if (record instanceof Unknown u) {
      if (u.raw() instanceof ObjectNode raw) return raw.deepCopy();
      ObjectNode wrapped = NODES.objectNode();
      wrapped.put("type", "unknown");
      wrapped.set("raw", u.raw());
      return wrapped;
    }
    ObjectNode o = NODES.objectNode();
    o.put("type", typeOf(record));
    o.put("at", record.at() == null ? null : record.at().toString());
    switch (record) {
      case RunStarted r -> {
        o.put("schema", SCHEMA);
        o.put("runId", r.runId().value());
        o.put("runbook", r.runbookPath());
        o.put("sha256", r.contentSha256());
        o.put("gitCommit", r.gitCommit());
        o.put("environment", r.environment());
        o.set("inputs", r.inputs());
        o.set("by", identity(r.by()));
        o.put("aegisVersion", r.aegisVersion());
        o.put("planId", r.planId());
        o.put("planHash", r.planHash());
      }
      case RunResumed r -> {
        o.set("by", identity(r.by()));
        o.put("aegisVersion", r.aegisVersion());
        ArrayNode skipping = o.putArray("skipping");
        r.skipping().forEach(s -> skipping.add(s.value()));
        o.put("discardedBytes", r.discardedBytes());
      }
      case StepStarted r -> {
        o.put("step", r.step().value());
        o.put("name", r.name());
        o.put("attempt", r.attempt());
      }
      case StepFinished r -> {
        o.put("step", r.step().value());
        o.put("attempt", r.attempt());
        o.put("outcome", r.outcome().name());
        o.put("durationMs", r.duration().toMillis());
        o.put("message", r.message());
      }
      case ActionApplied r -> {
        o.put("step", r.step().value());
        o.put("operation", r.operation());
        o.put("target", r.target());
        o.put("effect", r.effect().name());
        o.set("before", r.before());
        o.set("after", r.after());
      }
      case CheckResult r -> {
        o.put("step", r.step() == null ? null : r.step().value());
        o.put("condition", r.condition());
        o.put("kind", r.kind().name());
        o.put("passed", r.passed());
        o.put("message", r.message());
      }
      case ApprovalWaiting r -> {
        o.put("step", r.step() == null ? null : r.step().value());
        o.put("name", r.name());
      }
      case ApprovalGranted r -> {
        o.put("step", r.step() == null ? null : r.step().value());
        o.put("name", r.name());
        o.put("by", r.by());
      }
      case WindowOverridden r -> {
        o.put("window", r.window());
        o.put("reason", r.reason());
        o.put("by", r.by());
      }
      case RunFinished r -> {
        o.put("outcome", r.outcome().name());
        o.put("summary", r.summary());
      }
      case Unknown r -> throw new AssertionError("returned above");
    }
    return o;
  }

  /** The record a JSON object stands for; never fails (see the class comment). */
  public static JournalRecord decode(JsonNode node) {
    String type = node.path("type").isTextual() ? node.get("type").asText() : null;
    Instant at = null;
    try {
      at = Instant.parse(text(node, "at"));
      return switch (type == null ? "" : type) {
        case "run-started" -> new RunStarted(at, new RunId(text(node, "runId")), text(node, "runbook"),
            text(node, "sha256"), optText(node, "gitCommit"), text(node, "environment"), node.get("inputs"),
            identity(node.path("by")), text(node, "aegisVersion"), optText(node, "planId"),
            optText(node, "planHash"));
        case "run-resumed" -> new RunResumed(at, identity(node.path("by")), text(node, "aegisVersion"),
            stepIds(node.path("skipping")), node.path("discardedBytes").asLong(0));
        case "step-started" -> new StepStarted(at, step(node), text(node, "name"), node.path("attempt").asInt(1));
        case "step-finished" -> new StepFinished(at, step(node), node.path("attempt").asInt(1),
            StepOutcome.valueOf(text(node, "outcome")), Duration.ofMillis(longValue(node, "durationMs")),
            optText(node, "message"));
        case "action-applied" -> new ActionApplied(at, step(node), text(node, "operation"), text(node, "target"),
            Effect.valueOf(text(node, "effect")), node.get("before"), node.get("after"));
        case "check" -> new CheckResult(at, optStep(node), text(node, "condition"),
            CheckKind.valueOf(text(node, "kind")), booleanValue(node, "passed"), optText(node, "message"));
        case "approval-waiting" -> new ApprovalWaiting(at, optStep(node), text(node, "name"));
        case "approval-granted" -> new ApprovalGranted(at, optStep(node), text(node, "name"), text(node, "by"));
        case "window-overridden" -> new WindowOverridden(at, text(node, "window"), text(node, "reason"),
            text(node, "by"));
        case "run-finished" -> new RunFinished(at, RunOutcome.valueOf(text(node, "outcome")),
            optText(node, "summary"));
        default -> new Unknown(at, type, node);
      };
    } catch (RuntimeException unreadable) {
      // A record this version cannot read is kept, not dropped: it is evidence of what happened.
      return new Unknown(at, type, node);
    }
  }

  private static ObjectNode identity(Identity who) {
    ObjectNode o = NODES.objectNode();
    o.put("user", who.user());
    o.put("host", who.host());
    o.put("pid", who.pid());
    return o;
  }

  private static Identity identity(JsonNode node) {
    return new Identity(text(node, "user"), text(node, "host"), longValue(node, "pid"));
  }

  private static List<StepId> stepIds(JsonNode array) {
    List<StepId> ids = new ArrayList<>();
    array.forEach(n -> ids.add(new StepId(n.asText())));
    return ids;
  }

  private static StepId step(JsonNode node) { return new StepId(text(node, "step")); }

  private static StepId optStep(JsonNode node) {
    String step = optText(node, "step");
    return step == null ? null : new StepId(step);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) throw new IllegalArgumentException("missing text member " + field);
    return value.asText();
  }

  private static String optText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static long longValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong()) throw new IllegalArgumentException("missing number " + field);
    return value.asLong();
  }

  private static boolean booleanValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) throw new IllegalArgumentException("missing boolean " + field);
    return value.asBoolean();
  }
}
