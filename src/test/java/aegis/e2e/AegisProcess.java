package aegis.e2e;

import aegis.exec.journal.AegisHome;
import aegis.exec.journal.JournalRecord;
import aegis.exec.journal.RunId;
import aegis.exec.journal.RunStore;
import aegis.exec.journal.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code aegis} in a JVM of its own ({@code aegis.cli.Main} on the test classpath), started in a
 * working directory: another process on the same machine, which the test can kill with SIGKILL.
 * Its stdout and stderr go to files in that directory.
 */
final class AegisProcess implements AutoCloseable {
  private final Process process;
  private final Path out;
  private final Path err;

  private AegisProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code aegis args} in {@code dir} with the extra environment variables {@code env}. */
  static AegisProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), "aegis.cli.Main"));
    command.addAll(List.of(args));
    String name = "aegis-" + System.nanoTime();
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    var builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    return new AegisProcess(builder.start(), out, err);
  }

  long pid() { return process.pid(); }

  boolean isAlive() { return process.isAlive(); }

  /** SIGKILL on Linux: no shutdown hook, no finally block runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  int waitFor() throws InterruptedException { return process.waitFor(); }

  /** What it printed so far, for failure messages. */
  String output() {
    try {
      return "--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err);
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }

  /**
   * Waits until the only run under {@code dir}'s {@code .aegis} journals a start of the step
   * named {@code step}, and returns that run's id; fails if this process exits first.
   */
  RunId awaitStepStarted(Path dir, String step, Duration limit) throws Exception {
    var store = new RunStore(AegisHome.resolve(Map.of(), dir));
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new AssertionError("aegis exited (" + process.exitValue() + ") first:\n" + output());
      if (Files.isDirectory(store.home().runs())) {
        for (RunSummary run : store.list(10)) {
          boolean started = store.read(run.runId()).records().stream()
              .anyMatch(r -> r instanceof JournalRecord.StepStarted s && s.name().equals(step));
          if (started) return run.runId();
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("step \"" + step + "\" did not start within " + limit + ":\n" + output());
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}
