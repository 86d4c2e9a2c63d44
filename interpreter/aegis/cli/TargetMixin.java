package aegis.cli;

import picocli.CommandLine.Model.CommandSpec;

/** What plan and run act on: a runbook and an environment. */
public final class TargetMixin {
  String runbook;

  String env;

  CommandSpec spec() {
    return Specs.mixin(this)
        .addPositional(Specs.positional("RUNBOOK", () -> runbook, v -> runbook = v,
            "The runbook: a file, or git+URL//PATH@REF (file://, https:// or ssh://; REF a tag, branch or commit).")
            .type(String.class).build())
        .addOption(Specs.option("--env", () -> env, v -> env = v,
            "The environment: a name (environments/NAME.aegis) or a path; for a git runbook, in the same commit.")
            .paramLabel("ENV").type(String.class).required(true).build());
  }
}
