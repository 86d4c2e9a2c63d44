package aegis.cli;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.prplan.PrPlan;
import aegis.prplan.PrPlanJson;
import aegis.prplan.PrPlanMarkdown;
import aegis.prplan.PrPlanReport;
import aegis.source.git.GitRepository;
import aegis.source.git.GitSourceException;
import aegis.types.ModuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis pr-plan --base REF --head REF}: how a pull request changes the plans of the runbooks it touches. */
final class PrPlanCommand extends AegisCommand {
  /** How to print the report. */
  enum Format { MARKDOWN, JSON }

  String base;
  String head = "HEAD";
  Path repo = Path.of(".");
  List<String> roots = new ArrayList<>();
  List<String> environments = new ArrayList<>();
  final InputsMixin inputs = new InputsMixin();
  boolean live;
  Format format = Format.MARKDOWN;
  int maxLength = PrPlanMarkdown.DEFAULT_LIMIT;

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "pr-plan",
            "Show how the changes between two commits change runbook plans, for a pull-request comment.",
            "A runbook is affected in an environment when a file it depends on changed: itself, a module it imports, a "
                + "runbook it runs, the environment, a template it renders. Each affected runbook is planned at both "
                + "commits (offline unless --live) and the planned actions are compared. Nothing is checked out: files "
                + "are read from the commits.",
            "Exit status: 0 no plan changes, 2 a plan changes (a runbook is new, gone, or plans different actions), "
                + "1 a runbook fails to plan at the head, 3 the repository or a ref cannot be read.")
        .addOption(Specs.option("--base", () -> base, v -> base = v,
            "The commit the pull request is compared with: a branch, tag, commit id, origin/main, ...")
            .paramLabel("REF").type(String.class).required(true).build())
        .addOption(Specs.option("--head", () -> head, v -> head = v, "The pull request's commit (default: ${DEFAULT-VALUE}).")
            .paramLabel("REF").type(String.class).defaultValue("HEAD").build())
        .addOption(Specs.option("--repo", () -> repo, v -> repo = v,
            "A directory in the repository (default: the current directory).")
            .paramLabel("PATH").type(Path.class).defaultValue(".").build())
        .addOption(Specs.option("--runbooks", () -> roots, v -> roots = v,
            "Look for runbooks in this directory of the repository only (repeatable); default: everywhere but "
                + "hidden directories.")
            .paramLabel("DIR").type(List.class).auxiliaryTypes(String.class).build())
        .addOption(Specs.option("--env", () -> environments, v -> environments = v,
            "Plan in this environment only (repeatable); default: every environments/NAME.aegis at either commit.")
            .paramLabel("NAME").type(List.class).auxiliaryTypes(String.class).build())
        .addMixin("inputs", inputs.spec())
        .addOption(Specs.option("--live", () -> live, v -> live = v,
            "Plan against the live systems: reads run for real. By default nothing is contacted.").type(boolean.class).build())
        .addOption(Specs.option("--format", () -> format, v -> format = v, "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
            .paramLabel("FORMAT").type(Format.class).defaultValue("markdown").build())
        .addOption(Specs.option("--max-length", () -> maxLength, v -> maxLength = v,
            "Keep the Markdown under N characters, cutting details with a notice (default: ${DEFAULT-VALUE}; "
                + "GitHub refuses comments over 65536).")
            .paramLabel("N").type(int.class).defaultValue("" + PrPlanMarkdown.DEFAULT_LIMIT).build());
  }

  @Override
  protected ExitCode execute() throws Exception {
    if (maxLength < 4_000) throw new ParameterException(commandLine(), "--max-length must be at least 4000, not " + maxLength);
    for (String a : inputs.assignments) {
      if (a.indexOf('=') <= 0) throw new ParameterException(commandLine(), "--set takes NAME=VALUE, got `" + a + "`");
    }
    var options = new PrPlan.Options(roots, environments, inputs.assignments, context().env(), live);
    try (var support = new RunSupport(context(), out(), err(), false);
         var repository = GitRepository.open(context().workingDir().resolve(repo))) {
      PrPlanReport report = new PrPlan(support.engine(), options).run(repository, base, head, ModuleLoader.classpath());
      out().print(format == Format.JSON ? PrPlanJson.write(report) : PrPlanMarkdown.render(report, maxLength));
      return switch (report.exitCode()) {
        case PrPlanReport.CHANGES -> ExitCode.CHANGES_PENDING;
        case PrPlanReport.ERROR -> ExitCode.FAILURE;
        default -> ExitCode.OK;
      };
    } catch (GitSourceException e) {
      err().print(DiagnosticRenderer.render(List.of(e.diagnostic()), false));
      return ExitCode.BAD_INPUT;
    } catch (PrPlan.UnknownEnvironmentException e) {
      err().println("aegis pr-plan: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }
}
