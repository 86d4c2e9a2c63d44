package aegis.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --require-signed} and {@code --trusted-keys}: for commands that read a runbook that may come from git. */
public final class GitSourceMixin {
  @Option(names = "--require-signed",
      description = "For a git+ runbook: refuse it unless its tag (or, for a branch, commit id or unsigned tag, its commit) "
          + "carries a good OpenPGP signature by a key in --trusted-keys.")
  boolean requireSigned;

  @Option(names = "--trusted-keys", paramLabel = "FILE",
      description = "The public keys --require-signed accepts, armored or binary (gpg --export --armor KEY... > FILE). "
          + "Only this list decides: gpg's keyring and trust database are not used.")
  Path trustedKeys;
}
