package aegis.exec.lock;

import aegis.exec.journal.AegisHome;
import aegis.exec.journal.Identity;
import aegis.exec.journal.RunId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * One run per environment at a time: the locks under {@code <home>/locks/}.
 *
 * <p><b>Design.</b> A lock is a file, {@code locks/<env>.lock}, holding its {@link LockHolder}
 * as JSON. It is a file that outlives its process, not an OS lock held for the whole run,
 * because a run that dies must not silently free the environment: the next run on this host
 * takes the lock over only after checking that the holder's process is gone, and says so (that
 * run may have left a change half done); a holder on another host cannot be checked from here and
 * is released by a person with {@code aegis unlock ENV --run RUN_ID}. Anyone can read who holds
 * a lock at any time, without taking part in the locking.
 *
 * <p>Every decision (is it held? is the holder gone? is it ours to release?) is made while
 * holding an exclusive OS lock ({@link FileChannel#lock()}) on {@code locks/.guard}, so deciding
 * and writing happen as one step across processes; the OS frees that lock if a process dies in
 * the middle. Within one JVM a {@link ReentrantLock} per guard serializes threads first: the JDK
 * refuses a second OS lock on one file from the same JVM, and POSIX would drop the lock if the
 * JVM closed any other descriptor of the file. The lock file itself is replaced atomically (a
 * temporary file moved over it), so a reader never sees half a holder.
 *
 * <p>A holder counts as gone when it ran on this host and its pid is not alive, or is alive but
 * started well after the lock was taken (the pid was reused, as happens in containers).
 */
public final class EnvironmentLocks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  /** Slack for comparing a process's start time, which the OS keeps coarsely, with a lock's. */
  private static final Duration START_SLACK = Duration.ofSeconds(5);
  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final AegisHome home;
  private final Clock clock;
  private final Identity self;

  public EnvironmentLocks(AegisHome home) {
    this(home, Clock.systemUTC(), Identity.current());
  }

  /** Locks taken in the name of {@code self} (tests pose as other processes and hosts). */
  public EnvironmentLocks(AegisHome home, Clock clock, Identity self) {
    this.home = home;
    this.clock = clock;
    this.self = self;
  }

  /** The lock file of {@code environment}. */
  public Path lockFile(String environment) {
    return home.locks().resolve(checkedName(environment) + ".lock");
  }

  /**
   * Locks {@code environment} for run {@code runId}.
   *
   * @return the held lock; its {@link EnvironmentLock#takeoverWarning()} is present when a dead
   *     holder's lock was taken over
   * @throws LockHeldException if another run holds it (its message names the holder and what to do)
   */
  public EnvironmentLock acquire(String environment, RunId runId) throws LockException, IOException {
    Path file = lockFile(environment);
    LockHolder mine = LockHolder.of(runId, self, clock.instant());
    return guarded(() -> {
      Optional<LockHolder> current = read(file);
      String warning = null;
      if (current.isPresent()) {
        LockHolder held = current.get();
        if (liveness(held) != Liveness.GONE) throw new LockHeldException(heldMessage(environment, held), held);
        warning = "environment " + environment + " was locked by " + held.describe()
            + ", but that process is no longer running: taking the lock over. That run may have left work"
            + " half done: `aegis runs show " + held.runId() + "` shows how far it got.";
      }
      write(file, mine);
      return new EnvironmentLock(this, environment, mine, warning);
    });
  }

  /** Who holds the lock of {@code environment}, if anyone. */
  public Optional<LockHolder> holder(String environment) throws IOException {
    return read(lockFile(environment));
  }

  /**
   * Whether {@code holder}'s process is known to be alive: {@code true} or {@code false} for a
   * holder on this host, empty for one on another host.
   */
  public Optional<Boolean> isAlive(LockHolder holder) {
    return switch (liveness(holder)) {
      case ALIVE -> Optional.of(true);
      case GONE -> Optional.of(false);
      case ELSEWHERE -> Optional.empty();
    };
  }

  /**
   * Releases {@code environment}'s lock on an operator's word ({@code aegis unlock ENV --run ID}).
   *
   * @param force also release a lock whose holder is still running on this host
   * @return the holder that was removed
   * @throws LockException if the environment is not locked, is locked by another run than
   *     {@code runId} (the message names the real holder), or its holder is running here and
   *     {@code force} is not set
   */
  public LockHolder unlock(String environment, RunId runId, boolean force) throws LockException, IOException {
    Path file = lockFile(environment);
    return guarded(() -> {
      LockHolder held = read(file).orElseThrow(
          () -> new LockException("environment " + environment + " is not locked", null));
      if (!held.runId().equals(runId)) {
        throw new LockException("environment " + environment + " is locked by " + held.describe() + ", not by run "
            + runId + ". If that run is no longer running: aegis unlock " + environment + " --run " + held.runId(),
            held);
      }
      if (!force && liveness(held) == Liveness.ALIVE) {
        throw new LockException("run " + held.runId() + " still holds environment " + environment + " and is running"
            + " (pid " + held.pid() + " on this host). Let it finish or stop it; to release the lock anyway,"
            + " add --force", held);
      }
      Files.delete(file);
      return held;
    });
  }

  /** Releases the lock if {@code holder} (this very process) still holds it. */
  boolean release(String environment, LockHolder holder) throws IOException {
    Path file = lockFile(environment);
    try {
      return guarded(() -> {
        Optional<LockHolder> current = read(file);
        if (current.isEmpty() || !current.get().equals(holder)) return false;
        Files.delete(file);
        return true;
      });
    } catch (LockException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private String heldMessage(String environment, LockHolder held) {
    String advice = liveness(held) == Liveness.ALIVE
        ? "That run is still running on this host; wait for it to finish."
        : "If that run is no longer running, release the lock with: aegis unlock " + environment + " --run "
            + held.runId();
    return "environment " + environment + " is locked by " + held.describe() + ". " + advice;
  }

  private enum Liveness { ALIVE, GONE, ELSEWHERE }

  private Liveness liveness(LockHolder holder) {
    if (!holder.host().equals(self.host())) return Liveness.ELSEWHERE;
    Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) return Liveness.GONE;
    Optional<Instant> started = process.get().info().startInstant();
    boolean reused = started.isPresent() && started.get().isAfter(holder.startedAt().plus(START_SLACK));
    return reused ? Liveness.GONE : Liveness.ALIVE;
  }

  private interface Critical<T> {
    T run() throws LockException, IOException;
  }

  private <T> T guarded(Critical<T> critical) throws LockException, IOException {
    // The real path, so that two spellings of one home share one in-process lock.
    Path guard = Files.createDirectories(home.locks()).toRealPath().resolve(".guard");
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(guard, g -> new ReentrantLock());
    inProcess.lock();
    try (FileChannel channel = FileChannel.open(guard, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = channel.lock()) {
      return critical.run();
    } finally {
      inProcess.unlock();
    }
  }

  private static Optional<LockHolder> read(Path file) throws IOException {
    byte[] json;
    try {
      json = Files.readAllBytes(file);
    } catch (NoSuchFileException free) {
      return Optional.empty();
    }
    try {
      return Optional.of(LockHolder.fromJson(json));
    } catch (IOException damaged) {
      throw new IOException("the lock file " + file + " cannot be read (" + damaged.getMessage() + "); look at it,"
          + " and delete it if no run is using that environment", damaged);
    }
  }

  private static void write(Path file, LockHolder holder) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + "." + holder.runId() + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(holder.toJson());
      while (bytes.hasRemaining()) channel.write(bytes);
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String checkedName(String environment) {
    if (environment == null || !NAME.matcher(environment).matches()) {
      throw new IllegalArgumentException("`" + environment + "` cannot name a lock: an environment name is letters,"
          + " digits, `.`, `_` and `-`, starting with a letter or digit");
    }
    return environment;
  }
}
