package aegis.exec.journal;

import aegis.exec.journal.JournalRecord.RunStarted;
import aegis.exec.journal.JournalRecord.StepFinished;
import aegis.exec.journal.JournalRecord.StepStarted;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small builders for journal records in tests. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-11-27T09:15:00.123456Z");

  private Fixtures() {}

  public static JsonNode json(String text) {
    try {
      return JournalCodec.JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static RunStarted runStarted(RunId id, String environment, Instant at) {
    return new RunStarted(at, id, "runbooks/deploy.aegis", "ab".repeat(32), "0123456789abcdef0123456789abcdef01234567",
        environment, json("{\"version\":\"1.0.0\",\"password\":\"‹redacted›\"}"), new Identity("alice", "ops-1", 4242),
        "0.1.0-test", null, null);
  }

  public static StepId step(int ordinal, String name) {
    return StepId.of(List.of(ordinal), name);
  }

  public static StepStarted started(StepId step, Instant at) {
    return new StepStarted(at, step, step.value().substring(step.value().indexOf(':') + 1), 1);
  }

  public static StepFinished finished(StepId step, StepOutcome outcome, Instant at) {
    return new StepFinished(at, step, 1, outcome, Duration.ofMillis(1500), outcome == StepOutcome.OK ? null : "it broke");
  }
}
