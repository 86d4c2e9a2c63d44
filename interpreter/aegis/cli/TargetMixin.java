package aegis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What plan and run act on: a runbook and an environment. */
public final class TargetMixin {
  @Parameters(paramLabel = "RUNBOOK", description = "The runbook file.")
  Path runbook;

  @Option(names = "--env", paramLabel = "ENV", required = true,
      description = "The environment: a name (environments/NAME.aegis) or a path.")
  String env;
}
