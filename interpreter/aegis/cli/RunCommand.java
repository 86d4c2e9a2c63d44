package aegis.cli;

import aegis.exec.Engine;
import aegis.exec.Inputs;
import aegis.exec.RunOptions;
import aegis.exec.Workspace;
import aegis.plan.render.TextRenderer;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis run RUNBOOK --env ENV}: plan, show, confirm, apply. */
final class RunCommand extends AegisCommand {
  final TargetMixin target = new TargetMixin();
  final GitSourceMixin git = new GitSourceMixin();
  final InputsMixin inputs = new InputsMixin();
  final RunOptionsMixin run = new RunOptionsMixin();
  boolean yes;
  final ColorOption color = new ColorOption();

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "run",
            "Run a runbook: plan it, show the plan, ask to go ahead, then apply it under the environment's lock, "
                + "journalled. A runbook that only reads (a health check) runs at once, without a plan.",
            "Without a terminal the apply is refused unless --yes is given.")
        .addMixin("target", target.spec())
        .addMixin("git", git.spec())
        .addMixin("inputs", inputs.spec())
        .addMixin("run", run.spec())
        .addOption(Specs.option("--yes", () -> yes, v -> yes = v, "Apply the plan without asking.")
            .names("--yes", "-y").type(boolean.class).build())
        .addMixin("color", color.spec());
  }

  @Override
  protected ExitCode execute() throws Exception {
    git.validate(commandLine(), target.runbook);
    boolean colored = color.enabled(context());
    try (var support = new RunSupport(context(), out(), err(), colored)) {
      return run(support, colored);
    }
  }

  private ExitCode run(RunSupport support, boolean colored) throws java.io.IOException {
    Workspace.Loaded loaded;
    try {
      loaded = support.load(target.runbook, target.env, git, null);
    } catch (Workspace.LoadException e) {
      return support.loadFailed(e);
    }
    var sandboxRefused = support.sandbox(loaded, this::closeAtEnd);
    if (sandboxRefused != null) return sandboxRefused;
    var values = Inputs.parse(loaded.runbook().params(), inputs.assignments, loaded.environmentValue(), context().env());
    var engine = support.engine();
    var plan = (aegis.plan.Plan) null;
    if (Engine.changesSystems(loaded)) {
      plan = engine.plan(loaded, values, false, null);
      out().print(TextRenderer.render(plan, colored));
      if (plan.hasErrors()) return ExitCode.FAILURE;
      if (!plan.hasChanges() && plan.actions().isEmpty()) {
        out().println("Nothing to change.");
      } else if (!yes && !support.confirm("Apply these changes to " + loaded.environmentName() + "?")) {
        err().println(context().interactive()
            ? "aegis run: not applied."
            : "aegis run: no terminal to confirm on: pass --yes to apply without asking, or save the plan with "
                + "`aegis plan --out FILE` and `aegis apply FILE`.");
        return ExitCode.REFUSED;
      }
    }
    return support.apply("run", engine, loaded, values, run, plan, null);
  }
}
