package aegis.exec.journal;

import static aegis.exec.journal.Fixtures.T0;
import static aegis.exec.journal.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest {
  @TempDir Path dir;

  private final RunId id = new RunId("20261127T091500Z-4f3a");
  private final StepId ns = StepId.of(List.of(1), "namespace");
  private final StepId deploy = StepId.of(List.of(4, 2), "deploy graph-engine");

  private List<JournalRecord> everyKind() {
    return List.of(
        Fixtures.runStarted(id, "production", T0),
        new RunStarted(T0, id, "git+https://example.com/ops.git//runbooks/deploy.aegis@v1", "cd".repeat(32), null,
            "staging", json("{}"), new Identity("bob", "ci-7", 7), "0.1.0", "plan-1", "ef".repeat(32)),
        new StepStarted(T0.plusMillis(5), ns, "namespace", 1),
        new ActionApplied(T0.plusMillis(6), ns, "k8s.ensureNamespace", "Namespace aegis", Effect.WRITE,
            json("null"), json("{\"metadata\":{\"name\":\"aegis\",\"labels\":{\"environment\":\"production\"}}}")),
        new CheckResult(T0.plusMillis(7), ns, "r.status == 200", CheckKind.FAIL, true, null),
        new CheckResult(T0.plusMillis(8), null, "lag < 10", CheckKind.WARN, false, "lag is 12"),
        new StepFinished(T0.plusMillis(9), ns, 1, StepOutcome.OK, Duration.ofMillis(4), null),
        new StepStarted(T0.plusSeconds(1), deploy, "deploy graph-engine", 2),
        new StepFinished(T0.plusSeconds(2), deploy, 2, StepOutcome.TIMED_OUT, Duration.ofMinutes(10), "timed out after 10m"),
        new ApprovalWaiting(T0.plusSeconds(3), deploy, "drop the old index"),
        new ApprovalGranted(T0.plusSeconds(4), null, "drop the old index", "carol"),
        new WindowOverridden(T0.plusSeconds(5), "Tue-Thu 09:00-16:00 Europe/Berlin", "incident INC-42", "carol"),
        new RunFinished(T0.plusSeconds(6), RunOutcome.WAITING, "waiting for approval"),
        new RunResumed(T0.plusSeconds(7), new Identity("carol", "ops-2", 99), "0.1.0", List.of(ns), 17),
        new RunFinished(T0.plusSeconds(8), RunOutcome.SUCCEEDED, null));
  }

  @Test
  void everyRecordKindSurvivesAWriteAndARead() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    try (JournalWriter writer = new JournalWriter(file, new SecretRegistry(), true, 0)) {
      for (JournalRecord record : everyKind()) writer.append(record);
    }
    Journal journal = JournalReader.read(id, file);
    assertEquals(everyKind(), journal.records());
    assertFalse(journal.torn());
    assertEquals(Files.size(file), journal.validBytes());
    assertEquals(everyKind().size(), Files.readAllLines(file).size(), "one record per line");
  }

  @Test
  void recordsOfUnknownTypesAreKeptAsRawJson() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    try (JournalWriter writer = new JournalWriter(file, new SecretRegistry(), true, 0)) {
      writer.append(Fixtures.runStarted(id, "production", T0));
    }
    String future = "{\"type\":\"gpu-reserved\",\"at\":\"2027-01-01T00:00:00Z\",\"gpus\":8}";
    String oldShape = "{\"type\":\"step-finished\",\"at\":\"2027-01-01T00:00:01Z\",\"step\":\"1:x\",\"outcome\":\"MAYBE\"}";
    Files.writeString(file, future + "\n" + oldShape + "\n", StandardOpenOption.APPEND);

    Journal journal = JournalReader.read(id, file);

    assertEquals(3, journal.records().size());
    Unknown gpu = assertInstanceOf(Unknown.class, journal.records().get(1));
    assertEquals("gpu-reserved", gpu.type());
    assertEquals(json(future), gpu.raw());
    assertEquals(java.time.Instant.parse("2027-01-01T00:00:00Z"), gpu.at());
    Unknown unreadable = assertInstanceOf(Unknown.class, journal.records().get(2));
    assertEquals("step-finished", unreadable.type());
    assertFalse(journal.torn());
    assertEquals(json(future), JournalCodec.encode(gpu), "an unknown record is written back as it was read");
  }

  @Test
  void aLineThatIsNotAnObjectIsKeptAsUnknownToo() {
    byte[] bytes = "[1,2]\n".getBytes(StandardCharsets.UTF_8);
    Journal journal = JournalReader.parse(id, bytes);
    Unknown unknown = assertInstanceOf(Unknown.class, journal.records().getFirst());
    assertEquals("unknown", JournalCodec.encode(unknown).get("type").asText());
    assertTrue(journal.header().isEmpty());
  }

  @Test
  void runIdsAreSortableAndCannotNameAPath() {
    RunId early = RunId.generate(T0, new java.util.Random(1));
    RunId late = RunId.generate(T0.plusSeconds(1), new java.util.Random(2));
    assertTrue(early.value().startsWith("20261127T091500Z-"), early.value());
    assertTrue(early.compareTo(late) < 0);
    assertThrows(IllegalArgumentException.class, () -> new RunId("../../etc"));
    assertThrows(IllegalArgumentException.class, () -> new RunId("20261127T091500Z-4f3a/../x"));
    assertFalse(RunId.isValid(null));
  }

  @Test
  void stepIdsJoinTheOrdinalPathAndTheName() {
    assertEquals("4.2:deploy graph-engine", deploy.value());
    assertThrows(IllegalArgumentException.class, () -> StepId.of(List.of(), "x"));
  }
}
