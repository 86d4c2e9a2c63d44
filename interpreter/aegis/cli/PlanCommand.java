package aegis.cli;

import aegis.exec.Inputs;
import aegis.exec.Workspace;
import aegis.plan.PlanExitCode;
import aegis.plan.PlanJson;
import aegis.plan.render.PlanFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis plan RUNBOOK --env ENV}: what a run would change, without changing anything. */
final class PlanCommand extends AegisCommand {
  final TargetMixin target = new TargetMixin();
  final GitSourceMixin git = new GitSourceMixin();
  final InputsMixin inputs = new InputsMixin();
  Path outFile;
  PlanFormat format = PlanFormat.TEXT;
  boolean offline;
  boolean detailedExitCode;
  final ColorOption color = new ColorOption();

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "plan",
            "Plan a runbook: reads run against the live systems (unless --offline), writes do not run; every change "
                + "it would make is listed with a field-level diff.",
            "Save the plan with --out and apply exactly that plan with `aegis apply FILE`.")
        .addMixin("target", target.spec())
        .addMixin("git", git.spec())
        .addMixin("inputs", inputs.spec())
        .addOption(Specs.option("--out", () -> outFile, v -> outFile = v,
            "Also write the plan as JSON to FILE, for `aegis apply`.").paramLabel("FILE").type(Path.class).build())
        .addOption(Specs.option("--format", () -> format, v -> format = v,
            "How to print the plan: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
            .paramLabel("FORMAT").type(PlanFormat.class).defaultValue("text").build())
        .addOption(Specs.option("--offline", () -> offline, v -> offline = v,
            "Contact nothing: every read is unknown (for pull requests and CI without access).").type(boolean.class).build())
        .addOption(Specs.option("--detailed-exitcode", () -> detailedExitCode, v -> detailedExitCode = v,
            "Exit 0 when the plan changes nothing, 2 when it has changes, 1 on errors.").type(boolean.class).build())
        .addMixin("color", color.spec());
  }

  @Override
  protected ExitCode execute() throws Exception {
    git.validate(commandLine(), target.runbook);
    boolean colored = color.enabled(context());
    try (var support = new RunSupport(context(), out(), err(), colored)) {
      return plan(support, colored);
    }
  }

  private ExitCode plan(RunSupport support, boolean colored) throws java.io.IOException {
    Workspace.Loaded loaded;
    try {
      loaded = support.load(target.runbook, target.env, git, null);
    } catch (Workspace.LoadException e) {
      return support.loadFailed(e);
    }
    var sandboxRefused = support.sandbox(loaded, this::closeAtEnd);
    if (sandboxRefused != null) return sandboxRefused;
    var values = Inputs.parse(loaded.runbook().params(), inputs.assignments, loaded.environmentValue(), context().env());
    var plan = support.engine().plan(loaded, values, offline, null);
    if (outFile != null) Files.writeString(context().workingDir().resolve(outFile), PlanJson.write(plan));
    out().print(format.render(plan, colored && format == PlanFormat.TEXT));
    return switch (PlanExitCode.of(plan, detailedExitCode)) {
      case PlanExitCode.CHANGES -> ExitCode.CHANGES_PENDING;
      case PlanExitCode.ERROR -> ExitCode.FAILURE;
      default -> ExitCode.OK;
    };
  }
}
