package aegis.exec.journal;

import static aegis.exec.journal.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunResumed;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash in the middle of an append leaves a torn last line; readers and resume cope. */
class TornJournalTest {
  @TempDir Path dir;

  private RunStore store;
  private RunId id;
  private final StepId first = Fixtures.step(1, "first");
  private final StepId second = Fixtures.step(2, "second");

  @BeforeEach
  void writeThreeRecords() throws IOException {
    store = new RunStore(new AegisHome(dir), Clock.fixed(T0, ZoneOffset.UTC), new Random(7));
    id = store.newRunId();
    try (JournalWriter writer = store.create(Fixtures.runStarted(id, "staging", T0), new SecretRegistry())) {
      writer.append(Fixtures.started(first, T0.plusSeconds(1)));
      writer.append(Fixtures.finished(first, StepOutcome.OK, T0.plusSeconds(2)));
      writer.append(Fixtures.started(second, T0.plusSeconds(3)));
    }
  }

  @Test
  void everyCutInsideTheLastRecordIsReadUpToTheRecordBefore() throws IOException {
    Path file = store.journalFile(id);
    byte[] whole = Files.readAllBytes(file);
    int lastStart = lastLineStart(whole);
    // Every cut from one byte into the last record up to its closing brace, newline missing.
    for (int cut = lastStart + 1; cut < whole.length; cut++) {
      Files.write(file, java.util.Arrays.copyOf(whole, cut));
      Journal journal = store.read(id);
      assertEquals(3, journal.records().size(), "cut at " + cut);
      assertTrue(journal.torn(), "cut at " + cut);
      assertTrue(journal.tornTail());
      assertEquals(lastStart, journal.validBytes());
      assertEquals(cut, journal.totalBytes());
    }
    Files.write(file, whole);
    assertFalse(store.read(id).torn());
    assertEquals(4, store.read(id).records().size());
  }

  @Test
  void aTailOfZerosFromAMachineCrashIsTornToo() throws IOException {
    Path file = store.journalFile(id);
    Files.write(file, new byte[64], StandardOpenOption.APPEND);
    Journal journal = store.read(id);
    assertEquals(4, journal.records().size());
    assertTrue(journal.tornTail());
  }

  @Test
  void reopeningCutsTheTornRecordOffAndAppendsOnALineOfItsOwn() throws IOException {
    Path file = store.journalFile(id);
    byte[] whole = Files.readAllBytes(file);
    int lastStart = lastLineStart(whole);
    int cut = lastStart + 20;
    truncate(file, cut);

    try (JournalWriter writer = store.reopen(id, new SecretRegistry())) {
      assertEquals(cut - lastStart, writer.discardedBytes());
      writer.append(new RunResumed(T0.plusSeconds(9), Identity.current(), "0.1.0", List.of(first), writer.discardedBytes()));
      writer.append(new RunFinished(T0.plusSeconds(10), RunOutcome.SUCCEEDED, null));
    }

    Journal journal = store.read(id);
    assertFalse(journal.torn());
    assertEquals(5, journal.records().size());
    RunResumed resumed = assertInstanceOf(RunResumed.class, journal.records().get(3));
    assertEquals(cut - lastStart, resumed.discardedBytes());
    assertEquals(RunStatus.SUCCEEDED, RunSummary.of(journal).status());
  }

  @Test
  void aJournalDamagedInTheMiddleIsReadUpToTheDamageAndNotAppendedTo() throws IOException {
    Path file = store.journalFile(id);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(1, "{\"type\": garbage");
    Files.write(file, lines, StandardCharsets.UTF_8);

    Journal journal = store.read(id);
    assertEquals(1, journal.records().size());
    assertTrue(journal.torn());
    assertFalse(journal.tornTail());
    IOException refused = assertThrows(IOException.class, () -> store.reopen(id, new SecretRegistry()));
    assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
    assertEquals(String.join("\n", lines) + "\n", Files.readString(file), "the damaged journal is left as it was");
  }

  private static int lastLineStart(byte[] bytes) {
    int i = bytes.length - 2;
    while (bytes[i] != '\n') i--;
    return i + 1;
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }
}
