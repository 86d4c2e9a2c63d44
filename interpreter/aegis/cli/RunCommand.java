package aegis.cli;

import aegis.exec.Engine;
import aegis.exec.Inputs;
import aegis.exec.RunOptions;
import aegis.exec.Workspace;
import aegis.plan.render.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aegis run RUNBOOK --env ENV}: plan, show, confirm, apply. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
        "Run a runbook: plan it, show the plan, ask to go ahead, then apply it under the environment's lock, "
            + "journalled. A runbook that only reads (a health check) runs at once, without a plan.",
        "Without a terminal the apply is refused unless --yes is given."
    })
final class RunCommand extends AegisCommand {
  @Mixin
  TargetMixin target;

  @Mixin
  GitSourceMixin git;

  @Mixin
  InputsMixin inputs;

  @Mixin
  RunOptionsMixin run;

  @Option(names = {"--yes", "-y"}, description = "Apply the plan without asking.")
  boolean yes;

  @Mixin
  ColorOption color;

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
