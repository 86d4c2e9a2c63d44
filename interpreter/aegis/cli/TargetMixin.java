package aegis.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What plan and run act on: a runbook and an environment. */
public final class TargetMixin {
  @Parameters(paramLabel = "RUNBOOK",
      description = "The runbook: a file, or git+URL//PATH@REF (file://, https:// or ssh://; REF a tag, branch or commit).")
  String runbook;

  @Option(names = "--env", paramLabel = "ENV", required = true,
      description = "The environment: a name (environments/NAME.aegis) or a path; for a git runbook, in the same commit.")
  String env;
}
