package aegis.cli;

import aegis.adapters.BuiltinRegistry;
import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.exec.Engine;
import aegis.exec.ProgressPrinter;
import aegis.exec.RunOptions;
import aegis.exec.Workspace;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.RunStore;
import aegis.exec.lock.EnvironmentLocks;
import aegis.source.git.GitCache;
import aegis.source.git.GitSource;
import aegis.source.git.GitSourceException;
import aegis.source.git.GitUrl;
import aegis.source.git.Snapshot;
import aegis.source.git.TrustedKeys;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.types.Checker;
import aegis.types.ModuleLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plan, apply, run and resume commands share: the engine, loading (from disk or from
 * git), and how outcomes are shown. Close it when the command is done: it holds the git
 * repositories runbooks were read from.
 */
final class RunSupport implements AutoCloseable {
  private final CliContext context;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean color;
  private final List<Snapshot> opened = new ArrayList<>();
  private BuiltinRegistry builtins;

  RunSupport(CliContext context, PrintWriter out, PrintWriter err, boolean color) {
    this.context = context;
    this.out = out;
    this.err = err;
    this.color = color;
  }

  AegisHome home() { return AegisHome.resolve(context.env(), context.workingDir()); }

  Engine engine() {
    var home = home();
    return new Engine(builtins(), new RunStore(home), new EnvironmentLocks(home), VersionProvider.version(), context.clock());
  }

  /** The command's built-in modules: made once, for preparing them while loading and for the engine. */
  private BuiltinRegistry builtins() {
    if (builtins == null) builtins = context.builtins().get();
    return builtins;
  }

  /** Has the adapters of the modules a runbook imports prepare in the background while it is checked. */
  private void prepare(java.util.Set<String> modules) { builtins().prepare(modules); }

  Workspace workspace() { return new Workspace(Checker.standard(), context.workingDir()); }

  /**
   * Loads a runbook given as a path or as {@code git+URL//PATH@REF} with its environment. A git
   * runbook is read at its commit (fetched into {@code $AEGIS_HOME/cache}), environments and
   * everything else it uses too; {@code pinnedCommit} (a saved plan's or journal's) fixes that commit.
   */
  Workspace.Loaded load(String runbook, String environment, GitSourceMixin git, String pinnedCommit)
      throws Workspace.LoadException {
    if (!GitUrl.isGitUrl(runbook)) {
      if (git.requireSigned) {
        throw new Workspace.LoadException(List.of(Diagnostic.of(Code.AEG314, Span.fileStart(SourceFile.virtual(runbook, "")),
            "--require-signed refuses `" + runbook + "`: it is a local file, not a signed tag or commit of a git repository")));
      }
      return workspace().load(Path.of(runbook), environment, this::prepare);
    }
    try {
      GitUrl url = GitUrl.parse(runbook);
      TrustedKeys keys = git.requireSigned ? TrustedKeys.load(context.workingDir().resolve(git.trustedKeys)) : null;
      var source = new GitSource(GitCache.of(home()), ModuleLoader.classpath());
      Snapshot snapshot = source.open(url, new GitSource.Options(keys, pinnedCommit));
      opened.add(snapshot);
      if (snapshot.verification() != null) err.println("aegis: " + snapshot.verification().describe());
      return snapshot.workspace().load(Path.of(url.path()), environment, this::prepare);
    } catch (GitSourceException e) {
      throw new Workspace.LoadException(List.of(e.diagnostic()));
    }
  }

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

  /**
   * Shows why a runbook or environment cannot be loaded: a refused signature is exit 4, bad files
   * and git sources that cannot be read exit 3, errors in the files exit 1.
   */
  ExitCode loadFailed(Workspace.LoadException e) {
    err.print(DiagnosticRenderer.render(e.diagnostics(), color));
    ExitCode worst = ExitCode.FAILURE;
    for (Diagnostic d : e.diagnostics()) {
      worst = worst.worst(switch (d.code()) {
        case AEG314 -> ExitCode.REFUSED;
        case AEG100, AEG106, AEG107, AEG108, AEG310, AEG311, AEG312, AEG313 -> ExitCode.BAD_INPUT;
        default -> ExitCode.FAILURE;
      });
    }
    return worst;
  }

  @Override
  public void close() {
    opened.forEach(Snapshot::close);
    opened.clear();
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
