package aegis.exec.journal;

import aegis.exec.journal.JournalRecord.RunStarted;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The local journal store: {@code <home>/runs/<run id>/journal.jsonl}, one append-only file per
 * run, in a directory of its own so that a run can keep other files beside its journal.
 *
 * <p>How the executor uses it:
 * <pre>{@code
 * RunStore store = new RunStore(AegisHome.fromEnvironment());
 * RunId id = store.newRunId();
 * try (EnvironmentLock lock = locks.acquire(env, id);            // aegis.exec.lock
 *      JournalWriter journal = store.create(new RunStarted(...id...), secrets)) {
 *   lock.takeoverWarning().ifPresent(out::println);
 *   journal.append(new StepStarted(...)); ...
 *   journal.append(new RunFinished(now, RunOutcome.SUCCEEDED, "5 steps"));
 * }
 * // aegis resume ID:
 * Set<StepId> done = store.completedSteps(id);
 * try (EnvironmentLock lock = locks.acquire(env, id);
 *      JournalWriter journal = store.reopen(id, secrets)) {
 *   journal.append(new RunResumed(now, Identity.current(), version, List.copyOf(done), journal.discardedBytes()));
 *   ... run every step whose id is not in done ...
 * }
 * }</pre>
 * Thread-safe: it holds no state besides the paths; each writer serializes its own appends.
 */
public final class RunStore {
  private static final String JOURNAL = "journal.jsonl";

  private final AegisHome home;
  private final Clock clock;
  private final RandomGenerator random;

  public RunStore(AegisHome home) {
    // Run ids need to differ, not to be unguessable: a SecureRandom set up the JDK's security
    // providers on the run's main thread before its first step (~10 ms).
    this(home, Clock.systemUTC(), new SplittableRandom());
  }

  /** A store with the given clock and randomness for run ids (tests fix both). */
  public RunStore(AegisHome home, Clock clock, RandomGenerator random) {
    this.home = home;
    this.clock = clock;
    this.random = random;
  }

  public AegisHome home() { return home; }

  /** A fresh id, sortable by start time, not used by any run in this store yet. */
  public RunId newRunId() {
    RunId id;
    do {
      id = RunId.generate(clock.instant(), random);
    } while (Files.exists(runDirectory(id)));
    return id;
  }

  /** The directory of run {@code id} (it may not exist). */
  public Path runDirectory(RunId id) { return home.runs().resolve(id.value()); }

  /** The journal file of run {@code id} (it may not exist). */
  public Path journalFile(RunId id) { return runDirectory(id).resolve(JOURNAL); }

  /**
   * Creates the journal of a new run, writes {@code started} as its first record and returns
   * the writer for the rest.
   *
   * @param secrets the run's secrets; the writer redacts them from every record, and keeps
   *                reading the registry, so secrets registered later are redacted from then on
   * @throws java.nio.file.FileAlreadyExistsException if a run with that id exists
   */
  public JournalWriter create(RunStarted started, SecretRegistry secrets) throws IOException {
    Path dir = runDirectory(started.runId());
    Files.createDirectories(home.runs());
    Files.createDirectory(dir);
    syncDirectory(home.runs());
    JournalWriter writer = new JournalWriter(dir.resolve(JOURNAL), secrets, true, 0);
    try {
      writer.append(started);
      syncDirectory(dir);
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
    return writer;
  }

  /**
   * Opens the journal of an existing run for appending, to resume it. A torn last record (a
   * crash in the middle of an append) is cut off first so the next record starts on a line of
   * its own; {@link JournalWriter#discardedBytes()} says how much was cut.
   *
   * @throws NoSuchRunException if there is no such run
   * @throws IOException if the journal is damaged in the middle (not just torn at its end):
   *                     appending would bury the damage, so a person must look first
   */
  public JournalWriter reopen(RunId id, SecretRegistry secrets) throws IOException {
    Journal journal = read(id);
    Path file = journalFile(id);
    if (journal.torn() && !journal.tornTail()) {
      throw new IOException("the journal " + file + " is damaged at byte " + journal.validBytes()
          + " (a line that is not a whole record, with more after it); not appending to it");
    }
    long discarded = journal.totalBytes() - journal.validBytes();
    if (discarded > 0) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(journal.validBytes());
        channel.force(false);
      }
    }
    return new JournalWriter(file, secrets, false, discarded);
  }

  /**
   * Reads every whole record of run {@code id}.
   *
   * @throws NoSuchRunException if there is no such run
   */
  public Journal read(RunId id) throws IOException {
    try {
      return JournalReader.read(id, journalFile(id));
    } catch (NoSuchFileException e) {
      throw new NoSuchRunException(id, home);
    }
  }

  /** The steps of run {@code id} that a resume must not run again ({@link Journal#completedSteps()}). */
  public Set<StepId> completedSteps(RunId id) throws IOException {
    return read(id).completedSteps();
  }

  /**
   * The newest {@code limit} runs (all when {@code limit <= 0}), newest first. Only the journals
   * listed are read: ids sort by start time, so the directory names alone give the order.
   */
  public List<RunSummary> list(int limit) throws IOException {
    List<RunId> ids = new ArrayList<>();
    if (!Files.isDirectory(home.runs())) return List.of();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(home.runs())) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (RunId.isValid(name) && Files.isRegularFile(dir.resolve(JOURNAL))) ids.add(new RunId(name));
      }
    }
    ids.sort(Comparator.reverseOrder());
    if (limit > 0 && ids.size() > limit) ids = ids.subList(0, limit);
    List<RunSummary> summaries = new ArrayList<>(ids.size());
    for (RunId id : ids) summaries.add(RunSummary.of(read(id)));
    return summaries;
  }

  /**
   * Makes a new directory entry durable: without it a machine crash could lose a file that was
   * created and forced, because the directory naming it was never written. Best effort: not
   * every platform lets a directory be opened for this.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // Nothing more can be done here; the file's own data was forced.
    }
  }
}
