package aegis.adapters;

/**
 * Where a password comes from, as an endpoint record names it (never the password itself). The
 * runbook text holds only the reference; a {@link CredentialSource} turns it into the secret.
 */
public sealed interface CredentialRef {

  /** Words for messages, e.g. "environment variable AEGIS_PG_PASSWORD"; never the secret. */
  String describe();

  /** An environment variable of the aegis process. */
  record Env(String variable) implements CredentialRef {
    public String describe() { return "environment variable " + variable; }
  }

  /** A key of a Vault KV secret, e.g. path {@code secret/aegis/postgresql}, key {@code password}. */
  record Vault(String path, String key) implements CredentialRef {
    public String describe() { return "Vault secret " + path + " (key " + key + ")"; }
  }

  /** No password: the server authenticates otherwise (trust, peer, certificates). */
  enum None implements CredentialRef {
    INSTANCE;

    public String describe() { return "no password"; }
  }
}
