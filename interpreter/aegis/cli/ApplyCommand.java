package aegis.cli;

import aegis.exec.Inputs;
import aegis.exec.RunOptions;
import aegis.exec.Workspace;
import aegis.plan.Plan;
import aegis.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis apply PLANFILE}: applies exactly a saved plan, refusing a stale one. */
final class ApplyCommand extends AegisCommand {
  Path planFile;
  final InputsMixin inputs = new InputsMixin();
  final RunOptionsMixin run = new RunOptionsMixin();
  final GitSourceMixin git = new GitSourceMixin();
  final ColorOption color = new ColorOption();

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "apply",
            "Apply a plan saved with `aegis plan --out FILE`. The plan is refused when the runbook, a file it "
                + "depends on, the environment, the inputs or the live state it read have changed since: plan again.",
            "A runbook planned from git is read at exactly the commit the plan records (from $AEGIS_HOME/cache, "
                + "fetched only if missing); the apply is refused if that commit can no longer be read.",
            "The run holds the environment's lock and is journalled under $AEGIS_HOME/runs (default .aegis/).")
        .addPositional(Specs.positional("PLANFILE", () -> planFile, v -> planFile = v,
            "A plan written by `aegis plan --out`.").type(Path.class).build())
        .addMixin("inputs", inputs.spec())
        .addMixin("run", run.spec())
        .addMixin("git", git.spec())
        .addMixin("color", color.spec());
  }

  @Override
  protected ExitCode execute() throws Exception {
    git.validate(commandLine(), null);
    var support = new RunSupport(context(), out(), err(), color.enabled(context()));
    closeAtEnd(support);
    Plan saved;
    try {
      saved = PlanJson.read(Files.readString(context().workingDir().resolve(planFile)));
    } catch (NoSuchFileException e) {
      err().println("aegis apply: no such plan file: " + planFile);
      return ExitCode.BAD_INPUT;
    } catch (PlanJson.InvalidPlanException e) {
      err().println("aegis apply: " + planFile + " is not a plan aegis can apply: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Workspace.Loaded loaded;
    try {
      loaded = support.load(saved.runbook().path(), saved.environment().path(), git, saved.runbook().gitCommit());
    } catch (Workspace.LoadException e) {
      err().println("aegis apply: the plan's runbook or environment cannot be loaded any more; plan again");
      return support.loadFailed(e);
    }
    var sandboxRefused = support.sandbox(loaded, this::closeAtEnd);
    if (sandboxRefused != null) return sandboxRefused;
    var given = Inputs.overrides(loaded.runbook().params(), inputs.assignments, context().env());
    var values = Inputs.fromJson(loaded.runbook().params(), saved.inputs().values(), given, loaded.environmentValue());
    var engine = support.engine();
    var stale = engine.staleness(saved, loaded, values);
    if (!stale.isEmpty()) {
      err().println("aegis apply: the plan is stale; run `aegis plan` again. What changed:");
      stale.forEach(reason -> err().println("  - " + reason));
      return ExitCode.REFUSED;
    }
    return support.apply("apply", engine, loaded, values, run, saved, null);
  }
}
