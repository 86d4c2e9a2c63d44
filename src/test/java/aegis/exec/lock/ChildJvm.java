package aegis.exec.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class of the test classpath running in a JVM of its own, talking by lines on stdin and
 * stdout: what two aegis processes on one machine look like to each other.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  private ChildJvm(Process process) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Starts {@code main} with {@code args}; stderr goes to {@code stderr}. */
  public static ChildJvm start(Class<?> main, Path stderr, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    return new ChildJvm(builder.start());
  }

  public long pid() { return process.pid(); }

  public Process process() { return process; }

  /** The next line the child prints; fails if it exits first. */
  public String readLine() throws IOException {
    String line = out.readLine();
    if (line == null) throw new IOException("child " + pid() + " exited (" + waitQuietly() + ") without a line");
    return line;
  }

  /** Reads lines until one starts with {@code prefix}, and returns it. */
  public String await(String prefix) throws IOException {
    String line;
    do {
      line = readLine();
    } while (!line.startsWith(prefix));
    return line;
  }

  public void send(String line) { in.println(line); }

  /** Kills the child with SIGKILL (on Unix) and waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public int waitFor() throws InterruptedException { return process.waitFor(); }

  private String waitQuietly() {
    try {
      return "exit code " + process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}
