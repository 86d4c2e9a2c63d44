package aegis.cli;

import aegis.exec.Workspace;
import aegis.sandbox.Component;
import aegis.sandbox.Kubeconfig;
import aegis.sandbox.PortProbe;
import aegis.sandbox.Sandbox;
import aegis.sandbox.SandboxClasspath;
import aegis.sandbox.SandboxException;
import aegis.sandbox.SandboxLayout;
import aegis.sandbox.SandboxNeeds;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis sandbox}: the whole platform in this process, on fixed local ports, until Ctrl-C. */
final class SandboxCommand extends AegisCommand {
  String env = "sandbox";
  boolean seed = true;
  boolean printKubeconfig;

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "sandbox",
            "Start the sandbox and keep it up until Ctrl-C: PostgreSQL, Neo4j, Vault, a Kubernetes API, Prometheus, "
                + "Alertmanager, SMTP, the services' health endpoints and a TLS endpoint, all in this process on the "
                + "127.0.0.1 ports of the sandbox environment, seeded like a deployed AegisShield.",
            "Then run any runbook against it from another terminal: aegis run runbooks/daily-check.aegis --env sandbox. "
                + "(`--env sandbox` without a running sandbox starts one for the duration of that command.)")
        .addOption(Specs.option("--env", () -> env, v -> env = v,
            "The sandbox environment: a name (environments/NAME.aegis) or a path (default: ${DEFAULT-VALUE}).")
            .paramLabel("ENV").type(String.class).defaultValue("sandbox").build())
        .addOption(Specs.option("--seed", () -> seed, v -> seed = v,
            "Seed the servers as a deployed platform: schemas and rows, a live database incident, an unsealed "
                + "Vault with the environment's credentials, the platform's workloads (default). --no-seed starts them "
                + "empty, with a Vault never initialised, for trying a first deploy.")
            .type(boolean.class).negatable(true).defaultValue("true").fallbackValue("true").build())
        .addOption(Specs.option("--print-kubeconfig", () -> printKubeconfig, v -> printKubeconfig = v,
            "Print a kubeconfig for the sandbox's Kubernetes API and exit (start nothing).").type(boolean.class).build());
  }

  @Override
  protected ExitCode execute() throws Exception {
    SandboxLayout layout;
    try {
      layout = SandboxLayout.of(new Workspace(aegis.types.Checker.standard(), context().workingDir()).environment(env));
    } catch (Workspace.LoadException e) {
      return new RunSupport(context(), out(), err(), false).loadFailed(e);
    } catch (SandboxException e) {
      err().println("aegis sandbox: " + e.getMessage());
      return ExitCode.FAILURE;
    }
    if (printKubeconfig) {
      if (layout.cluster() == null) {
        err().println("aegis sandbox: the sandbox environment names no kubernetes.server");
        return ExitCode.FAILURE;
      }
      out().print(Kubeconfig.text(layout));
      return ExitCode.OK;
    }
    var all = SandboxNeeds.all();
    var missing = SandboxClasspath.missing(all, SandboxCommand.class.getClassLoader());
    if (!missing.isEmpty()) {
      err().println("aegis sandbox: " + SandboxClasspath.message(missing));
      return ExitCode.UNAVAILABLE;
    }
    var taken = all.stream().flatMap(c -> c.ports(layout).stream().filter(PortProbe::listening).map(p -> p + " (" + c.title() + ")"))
        .toList();
    if (!taken.isEmpty()) {
      err().println("aegis sandbox: " + (taken.size() == 1 ? "port " : "ports ") + String.join(", ", taken)
          + (taken.size() == 1 ? " is" : " are") + " in use: a sandbox is running already, or another program listens there; "
          + "use that sandbox, or stop what listens first");
      return ExitCode.FAILURE;
    }
    out().println("aegis sandbox: starting " + all.stream().map(Component::title).collect(Collectors.joining(", ")) + "...");
    out().flush();
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(layout, all, Sandbox.Options.seeded().withSeed(seed).withEvents(this::event));
    } catch (SandboxException e) {
      err().println("aegis sandbox: " + e.getMessage());
      return e.unavailable() ? ExitCode.UNAVAILABLE : ExitCode.FAILURE;
    }
    var stopped = new CountDownLatch(1);
    var hook = new Thread(() -> stop(sandbox, stopped), "aegis-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (sandbox.components().contains(Component.KUBERNETES)) writeKubeconfig(layout);
      banner(sandbox);
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped by whoever runs this command in-process (a test); Ctrl-C goes through the hook.
      Thread.currentThread().interrupt();
    } finally {
      if (stopped.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
        stop(sandbox, stopped);
      }
    }
    return ExitCode.OK;
  }

  private void banner(Sandbox sandbox) {
    var slowest = sandbox.bootTimes().entrySet().stream()
        .sorted(java.util.Map.Entry.<Component, java.time.Duration>comparingByValue(Comparator.reverseOrder()))
        .limit(3).map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey().title(), e.getValue().toMillis() / 1000.0))
        .collect(Collectors.joining(", "));
    out().printf(Locale.ROOT, "aegis sandbox: up in %.1f s (%s)%n%n", sandbox.bootTime().toMillis() / 1000.0, slowest);
    sandbox.describe().forEach(out()::println);
    var layout = sandbox.layout();
    out().println();
    if (sandbox.components().contains(Component.KUBERNETES)) {
      out().println("kubectl:        KUBECONFIG=" + Kubeconfig.file(layout) + " kubectl get pods");
    }
    out().println("Try:            ./aegis run runbooks/daily-check.aegis --env sandbox");
    out().println("Stop:           Ctrl-C");
    out().println();
    out().flush();
  }

  private void writeKubeconfig(SandboxLayout layout) throws IOException {
    Files.writeString(Kubeconfig.file(layout), Kubeconfig.text(layout));
  }

  private void event(String line) {
    synchronized (this) {
      out().println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line);
      out().flush();
    }
  }

  private void stop(Sandbox sandbox, CountDownLatch stopped) {
    synchronized (this) {
      if (stopped.getCount() == 0) return;
      sandbox.close();
      try {
        Files.deleteIfExists(Kubeconfig.file(sandbox.layout()));
      } catch (IOException e) {
        // a kubeconfig pointing at a stopped sandbox does no harm
      }
      out().println("aegis sandbox: stopped");
      out().flush();
      stopped.countDown();
    }
  }
}
