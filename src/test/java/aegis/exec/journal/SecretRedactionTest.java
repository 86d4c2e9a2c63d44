package aegis.exec.journal;

import static aegis.exec.journal.Fixtures.T0;
import static aegis.exec.journal.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.exec.journal.JournalRecord.ActionApplied;
import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunStarted;
import aegis.exec.journal.JournalRecord.StepFinished;
import aegis.syntax.ast.Effect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's last line of defence: a canary secret never reaches the journal's bytes. */
class SecretRedactionTest {
  static final String CANARY = "canary-7Hq2\"zP9-secret";

  @TempDir Path dir;

  @Test
  void theCanaryNeverReachesTheJournalFile() throws IOException {
    RunStore store = new RunStore(new AegisHome(dir), Clock.fixed(T0, ZoneOffset.UTC), new Random(3));
    RunId id = store.newRunId();
    SecretRegistry secrets = SecretRegistry.of(CANARY);
    String base64 = Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
    StepId step = Fixtures.step(2, "database credentials");

    var inputs = JournalCodec.JSON.createObjectNode();
    inputs.put("password", CANARY);
    inputs.put("dsn", "postgres://app:" + CANARY + "@db:5432/aegis");
    inputs.put(CANARY, "a secret used as a key");
    var secretObject = JournalCodec.JSON.createObjectNode();
    secretObject.putObject("data").put("password", base64);
    secretObject.put("embedded", "{\"password\":\"" + CANARY.replace("\"", "\\\"") + "\"}");

    try (JournalWriter writer = store.create(new RunStarted(T0, id, "runbooks/deploy.aegis", "ab".repeat(32), null,
        "production", inputs, Identity.current(), "0.1.0", null, null), secrets)) {
      writer.append(new ActionApplied(T0.plusSeconds(1), step, "k8s.ensureSecret", "Secret aegis/postgresql-secret",
          Effect.WRITE, json("null"), secretObject));
      writer.append(new StepFinished(T0.plusSeconds(2), step, 1, StepOutcome.FAILED, Duration.ofSeconds(1),
          "vault answered 403 for token " + CANARY));
      String later = "registered-later-" + CANARY.substring(0, 4);
      secrets.register(later);
      writer.append(new RunFinished(T0.plusSeconds(3), RunOutcome.FAILED, "failed with " + later));
    }

    byte[] bytes = Files.readAllBytes(store.journalFile(id));
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertFalse(text.contains("canary-7Hq2"), text);
    assertFalse(text.contains(base64), text);
    assertFalse(text.contains("zP9-secret"), text);
    assertFalse(text.contains("registered-later"), text);
    assertTrue(text.contains("postgres://app:" + SecretRegistry.REDACTED + "@db:5432/aegis"), text);

    // The journal is still whole and readable: the generated members were left alone.
    Journal journal = store.read(id);
    assertEquals(4, journal.records().size());
    RunStarted header = journal.header().orElseThrow();
    assertEquals(id, header.runId());
    assertEquals(SecretRegistry.REDACTED, header.inputs().get("password").asText());
    assertTrue(header.inputs().has(SecretRegistry.REDACTED));
  }

  @Test
  void theLongestSecretWinsAndGeneratedMembersStayIntact() throws IOException {
    SecretRegistry secrets = SecretRegistry.of("abc", "abcdef", "2026");
    assertEquals(SecretRegistry.REDACTED + "-" + SecretRegistry.REDACTED, secrets.redact("abcdef-abc"));
    assertEquals("no secret here", secrets.redact("no secret here"));

    Path file = dir.resolve("j.jsonl");
    RunId id = new RunId("20261127T091500Z-2026");
    try (JournalWriter writer = new JournalWriter(file, secrets, true, 0)) {
      writer.append(Fixtures.runStarted(id, "env-2026", T0));
    }
    RunStarted read = (RunStarted) JournalReader.read(id, file).records().getFirst();
    assertEquals(T0, read.at(), "timestamps are never redacted");
    assertEquals(id, read.runId(), "run ids are never redacted");
    assertEquals("env-" + SecretRegistry.REDACTED, read.environment());
    assertEquals(List.of(), JournalReader.read(id, file).records().stream()
        .filter(r -> r instanceof JournalRecord.Unknown).toList());
  }
}
