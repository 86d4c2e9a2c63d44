package aegis.cli;

import aegis.source.git.GitUrl;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --require-signed} and {@code --trusted-keys}: for commands that read a runbook that may come from git. */
public final class GitSourceMixin {
  boolean requireSigned;

  Path trustedKeys;

  CommandSpec spec() {
    return Specs.mixin(this)
        .addOption(Specs.option("--require-signed", () -> requireSigned, v -> requireSigned = v,
            "For a git+ runbook: refuse it unless its tag (or, for a branch, commit id or unsigned tag, its commit) "
                + "carries a good OpenPGP signature by a key in --trusted-keys.")
            .type(boolean.class).build())
        .addOption(Specs.option("--trusted-keys", () -> trustedKeys, v -> trustedKeys = v,
            "The public keys --require-signed accepts, armored or binary (gpg --export --armor KEY... > FILE). "
                + "Only this list decides: gpg's keyring and trust database are not used.")
            .paramLabel("FILE").type(Path.class).build());
  }

  /**
   * Refuses combinations that cannot mean anything (exit 2).
   *
   * @param runbook the RUNBOOK argument, or null when it comes from a saved plan or a journal
   */
  void validate(CommandLine commandLine, String runbook) {
    if (requireSigned && trustedKeys == null) {
      throw new ParameterException(commandLine, "--require-signed needs --trusted-keys FILE: the public keys whose "
          + "signatures are accepted");
    }
    if (!requireSigned && trustedKeys != null) {
      throw new ParameterException(commandLine, "--trusted-keys is used with --require-signed");
    }
    if (requireSigned && runbook != null && !GitUrl.isGitUrl(runbook)) {
      throw new ParameterException(commandLine, "--require-signed checks runbooks from git (git+URL//PATH@REF); `"
          + runbook + "` is a local file");
    }
  }
}
