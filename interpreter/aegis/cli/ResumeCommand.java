package aegis.cli;

import aegis.exec.Inputs;
import aegis.exec.RunOptions;
import aegis.exec.Workspace;
import aegis.exec.journal.NoSuchRunException;
import aegis.exec.journal.RunId;
import aegis.exec.journal.RunStore;
import java.nio.file.Path;
import aegis.exec.lock.LockException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis resume RUN_ID}: continues a run after its last completed step. */
final class ResumeCommand extends AegisCommand {
  String runId;
  final InputsMixin inputs = new InputsMixin();
  final RunOptionsMixin run = new RunOptionsMixin();
  final GitSourceMixin git = new GitSourceMixin();
  final ColorOption color = new ColorOption();

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "resume",
            "Continue a run that stopped: it crashed, or waits at an approval gate (approve it with --approve NAME).",
            "Steps the journal records as completed are never run again; the journal shows both parts.")
        .addPositional(Specs.positional("RUN_ID", () -> runId, v -> runId = v, "The run, as `aegis runs` lists it.")
            .type(String.class).build())
        .addMixin("inputs", inputs.spec())
        .addMixin("run", run.spec())
        .addMixin("git", git.spec())
        .addMixin("color", color.spec());
  }

  @Override
  protected ExitCode execute() throws Exception {
    git.validate(commandLine(), null);
    try (var support = new RunSupport(context(), out(), err(), color.enabled(context()))) {
      return resume(support);
    }
  }

  private ExitCode resume(RunSupport support) throws java.io.IOException {
    if (!RunId.isValid(runId)) {
      err().println("aegis resume: `" + runId + "` is not a run id (they look like 20261127T091500Z-4f3a; see `aegis runs`)");
      return ExitCode.USAGE;
    }
    var id = new RunId(runId);
    var store = new RunStore(support.home());
    aegis.exec.journal.JournalRecord.RunStarted started;
    try {
      started = store.read(id).header().orElse(null);
    } catch (NoSuchRunException e) {
      err().println("aegis resume: no run " + runId + " under " + support.home().runs() + " (see `aegis runs`)");
      return ExitCode.BAD_INPUT;
    }
    if (started == null) {
      err().println("aegis resume: the journal of " + runId + " has no start record; it cannot be resumed");
      return ExitCode.FAILURE;
    }
    Workspace.Loaded loaded;
    try {
      loaded = support.load(started.runbookPath(), started.environment(), git, started.gitCommit());
    } catch (Workspace.LoadException e) {
      return support.loadFailed(e);
    }
    String sha = aegis.plan.Fingerprints.sha256(loaded.runbook().source().text());
    if (!sha.equals(started.contentSha256())) {
      err().println("aegis resume: " + started.runbookPath() + " changed since run " + runId
          + " started; resuming it would mix two versions. Start a new run.");
      return ExitCode.REFUSED;
    }
    var sandboxRefused = support.sandbox(loaded, this::closeAtEnd);
    if (sandboxRefused != null) return sandboxRefused;
    var given = Inputs.overrides(loaded.runbook().params(), inputs.assignments, context().env());
    var values = Inputs.fromJson(loaded.runbook().params(), started.inputs(), given, loaded.environmentValue());
    return support.apply("resume", support.engine(), loaded, values, run, null, id);
  }
}
