package aegis.cli;

import aegis.exec.Inputs;
import aegis.exec.Workspace;
import aegis.plan.PlanExitCode;
import aegis.plan.PlanJson;
import aegis.plan.render.PlanFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aegis plan RUNBOOK --env ENV}: what a run would change, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {
        "Plan a runbook: reads run against the live systems (unless --offline), writes do not run; every change "
            + "it would make is listed with a field-level diff.",
        "Save the plan with --out and apply exactly that plan with `aegis apply FILE`."
    })
final class PlanCommand extends AegisCommand {
  @Mixin
  TargetMixin target;

  @Mixin
  GitSourceMixin git;

  @Mixin
  InputsMixin inputs;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the plan as JSON to FILE, for `aegis apply`.")
  Path outFile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "How to print the plan: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  PlanFormat format;

  @Option(names = "--offline", description = "Contact nothing: every read is unknown (for pull requests and CI without access).")
  boolean offline;

  @Option(names = "--detailed-exitcode",
      description = "Exit 0 when the plan changes nothing, 2 when it has changes, 1 on errors.")
  boolean detailedExitCode;

  @Mixin
  ColorOption color;

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
