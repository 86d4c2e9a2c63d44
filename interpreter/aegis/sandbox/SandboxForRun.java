package aegis.sandbox;

import aegis.eval.Value;
import aegis.types.CheckedProgram;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --env sandbox} for commands that plan or apply: when the environment is the sandbox and
 * the servers the runbook needs are not served already (by {@code aegis sandbox} in another
 * terminal), they are started in this process for the duration of the command, and stopped when
 * it ends. Every other environment is left alone, as is an environment called {@code sandbox}
 * whose endpoints are not on this machine.
 */
public final class SandboxForRun {
  /** The environment name that asks for the sandbox. */
  public static final String NAME = "sandbox";
  /** How long to wait for a sandbox another process is starting (Neo4j alone can take a minute on a busy machine). */
  private static final java.time.Duration WAIT_FOR_OTHER = java.time.Duration.ofMinutes(5);

  private SandboxForRun() {}

  /**
   * Starts what {@code runbook} needs of the sandbox and is not running yet, telling the user on
   * {@code err}. Returns what to close when the command ends (nothing to close: a no-op).
   */
  public static AutoCloseable ensure(String environmentName, Value.Rec environment, CheckedProgram runbook,
                                     PrintWriter err) throws SandboxException {
    if (!NAME.equals(environmentName)) return () -> { };
    SandboxLayout layout;
    try {
      layout = SandboxLayout.of(environment);
    } catch (SandboxException notLoopback) {
      return () -> { };
    }
    var wanted = SandboxNeeds.of(runbook);
    List<Component> absent = null;   // asked only when something is not served: loading the servers' classes to know takes ~70 ms
    var deadline = System.nanoTime() + WAIT_FOR_OTHER.toNanos();
    boolean told = false;
    while (true) {
      var served = PortProbe.served(layout, wanted);
      var missing = EnumSet.copyOf(wanted);
      missing.removeAll(served);
      missing.removeIf(c -> c.ports(layout).isEmpty());
      if (missing.isEmpty()) return () -> { };
      if (absent == null) absent = SandboxClasspath.missing(wanted, SandboxForRun.class.getClassLoader());
      absent.retainAll(missing);
      if (!absent.isEmpty()) throw SandboxException.unavailable(SandboxClasspath.message(absent));
      var lock = SandboxLock.tryAcquire(layout);
      if (lock != null) return boot(layout, wanted, served, missing, lock, err);
      if (System.nanoTime() > deadline) {
        throw SandboxException.busy("another process holds the sandbox (" + layout.directory().resolve("sandbox.lock")
            + "), but its " + titles(missing) + " did not come up in " + WAIT_FOR_OTHER.toMinutes() + " minutes");
      }
      if (!told) {
        err.println("aegis: another process is starting the sandbox; waiting for its " + titles(missing) + "...");
        err.flush();
        told = true;
      }
      sleep();
    }
  }

  private static Sandbox boot(SandboxLayout layout, Set<Component> wanted, Set<Component> served, Set<Component> missing,
                              SandboxLock lock, PrintWriter err) throws SandboxException {
    var left = EnumSet.copyOf(SandboxNeeds.all());
    left.removeAll(wanted);
    err.println("aegis: the sandbox is not running; starting " + titles(missing) + " in this process"
        + (served.isEmpty() ? "" : " (" + titles(served) + " already running)")
        + (left.isEmpty() ? "" : "; not needed by this runbook: " + titles(left)) + "...");
    err.flush();
    var sandbox = Sandbox.start(layout, missing, Sandbox.Options.seeded(), lock);
    err.printf(Locale.ROOT, "aegis: sandbox up in %.1f s; it stops when this command ends (`aegis sandbox` keeps one up)%n",
        sandbox.bootTime().toMillis() / 1000.0);
    err.flush();
    return sandbox;
  }

  private static void sleep() throws SandboxException {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while waiting for the sandbox");
    }
  }

  private static String titles(Set<Component> components) {
    return components.stream().sorted().map(Component::title).collect(Collectors.joining(", "));
  }
}
