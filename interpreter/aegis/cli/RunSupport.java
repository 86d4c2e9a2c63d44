package aegis.cli;

import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.exec.Engine;
import aegis.exec.ProgressPrinter;
import aegis.exec.RunOptions;
import aegis.exec.Workspace;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.RunStore;
import aegis.exec.lock.EnvironmentLocks;
import aegis.types.Checker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the plan, apply, run and resume commands share: the engine, loading, and how outcomes are shown. */
final class RunSupport {
  private final CliContext context;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean color;

  RunSupport(CliContext context, PrintWriter out, PrintWriter err, boolean color) {
    this.context = context;
    this.out = out;
    this.err = err;
    this.color = color;
  }

  AegisHome home() { return AegisHome.resolve(context.env(), context.workingDir()); }

  Engine engine() {
    var home = home();
    return new Engine(context.builtins().get(), new RunStore(home), new EnvironmentLocks(home), VersionProvider.version(),
        context.clock());
  }

  Workspace workspace() { return new Workspace(Checker.standard(), context.workingDir()); }

  ProgressPrinter progress() {
    boolean live = context.interactive() && !"true".equals(context.env().get("CI"));
    return new ProgressPrinter(out, live, color);
  }

  /**
   * With the sandbox environment, starts in this process what the runbook needs of the sandbox and
   * is not running yet, to be closed through {@code closeAtEnd}; null when the command may go on,
   * else the exit status after the reason was shown.
   */
  ExitCode sandbox(Workspace.Loaded loaded, java.util.function.Consumer<AutoCloseable> closeAtEnd) {
    try {
      closeAtEnd.accept(aegis.sandbox.SandboxForRun.ensure(loaded.environmentName(), loaded.environmentValue(),
          loaded.runbook(), err));
      return null;
    } catch (aegis.sandbox.SandboxException e) {
      err.println("aegis: " + e.getMessage());
      return e.unavailable() ? ExitCode.UNAVAILABLE : ExitCode.FAILURE;
    }
  }

  /** Shows why a runbook or environment cannot be loaded; bad files are exit 3, errors in them exit 1. */
  ExitCode loadFailed(Workspace.LoadException e) {
    err.print(DiagnosticRenderer.render(e.diagnostics(), color));
    boolean badInput = e.diagnostics().stream().anyMatch(d -> switch (d.code()) {
      case AEG100, AEG106, AEG107, AEG108 -> true;
      default -> false;
    });
    return badInput ? ExitCode.BAD_INPUT : ExitCode.FAILURE;
  }

  void show(List<Diagnostic> diagnostics) {
    out.flush();
    if (!diagnostics.isEmpty()) err.print(DiagnosticRenderer.render(diagnostics, color));
    err.flush();
  }

  /**
   * Applies (or resumes, when {@code resume} is given) under the environment's lock, shows the
   * progress and the summary, and maps the outcome to an exit status.
   */
  ExitCode apply(String command, Engine engine, Workspace.Loaded loaded, java.util.Map<String, aegis.eval.Value> values,
                 RunOptionsMixin run, aegis.plan.Plan plan, aegis.exec.journal.RunId resume) throws IOException {
    var options = RunOptions.apply().withApprovals(run.approvals()).withWindowOverride(run.overrideWindow)
        .withApprover(approver());
    var progress = progress();
    long start = System.nanoTime();
    Engine.Outcome outcome;
    try {
      outcome = resume == null
          ? engine.apply(loaded, values, options, plan, progress)
          : engine.resume(resume, loaded, values, options, progress);
    } catch (aegis.exec.lock.LockException e) {
      err.println("aegis " + command + ": " + e.getMessage());
      return ExitCode.REFUSED;
    }
    return finished(outcome, progress, start);
  }

  /** The exit status of a finished apply, after its summary. */
  private ExitCode finished(Engine.Outcome outcome, ProgressPrinter progress, long startNanos) {
    if (outcome.failure() != null) show(List.of(outcome.failure()));
    progress.finish("run " + outcome.runId() + " " + outcome.outcome().name().toLowerCase(java.util.Locale.ROOT),
        java.time.Duration.ofNanos(System.nanoTime() - startNanos));
    return switch (outcome.outcome()) {
      case SUCCEEDED -> ExitCode.OK;
      case WAITING -> ExitCode.WAITING;
      case FAILED, CANCELLED -> ExitCode.FAILURE;
    };
  }

  /** Asks at an approval gate when there is a person at a terminal; null otherwise. */
  RunOptions.Approver approver() {
    if (!context.interactive() || System.console() == null) return null;
    return (step, reason) -> {
      out.printf("%nStep \"%s\" needs approval: %s%nApprove? [y/N] ", step, reason);
      out.flush();
      String answer = readLine();
      return answer != null && answer.strip().equalsIgnoreCase("y") ? System.getProperty("user.name", "unknown") + " (prompt)" : null;
    };
  }

  /** Asks to go ahead with a plan; false without a terminal. */
  boolean confirm(String question) {
    if (!context.interactive() || System.console() == null) return false;
    out.print(question + " [y/N] ");
    out.flush();
    String answer = readLine();
    return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
  }

  private static String readLine() {
    try {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      return null;
    }
  }

}
