package aegis.source.git;

import java.time.Instant;

/**
 * A signature {@code --require-signed} accepted.
 *
 * @param object      what was signed: {@code tag v1.2} or {@code commit 1a2b3c4d5e6f}
 * @param fingerprint the signing key's fingerprint (a subkey's, when a subkey signed)
 * @param owner       the first user id of the key, or null
 * @param signedAt    when the signature was made
 */
public record Verification(String object, String fingerprint, String owner, Instant signedAt) {
  /** {@code tag v1.2 signed by 1C07B130... (Alice <alice@example.com>)}. */
  public String describe() {
    return object + " signed by " + fingerprint + (owner == null ? "" : " (" + owner + ")");
  }
}
