package aegis.adapters;

import aegis.eval.Value;

/**
 * Where a secret comes from, as a core {@code Credential} record names it (never the secret
 * itself). The runbook text holds only the reference; a {@link CredentialSource} resolves it.
 */
public sealed interface CredentialRef {

  /** Words for messages, e.g. "environment variable AEGIS_PG_PASSWORD"; never the secret. */
  String describe();

  /** An environment variable of the aegis process. */
  record Env(String variable) implements CredentialRef {
    public String describe() { return "environment variable " + variable; }
  }

  /** A key of a Vault KV v2 secret in the environment's Vault, e.g. {@code secret/aegis/postgresql}, key {@code password}. */
  record Vault(String path, String key) implements CredentialRef {
    public String describe() { return "Vault secret " + path + " (key " + key + ")"; }
  }

  /**
   * The reference a {@code core.Credential} value names: {@code envVar} or {@code vaultPath} (with
   * {@code key}); exactly one of them must be set.
   *
   * @throws AdapterException when neither or both are set
   */
  static CredentialRef of(Value credential) {
    return ofOptional(credential);
  }

  /**
   * Like {@link #of}, for a {@code Credential?} field: null when the value is null (a server that
   * authenticates otherwise, e.g. trust authentication or authentication disabled).
   */
  static CredentialRef orNull(Value credential) {
    return credential instanceof Value.Null ? null : ofOptional(credential);
  }

  private static CredentialRef ofOptional(Value credential) {
    if (!(credential instanceof Value.Rec rec)) {
      throw new AdapterException("credentials", "expected a Credential, got " + credential.show());
    }
    var env = rec.get("envVar");
    var path = rec.get("vaultPath");
    boolean hasEnv = env instanceof Value.Str;
    boolean hasPath = path instanceof Value.Str;
    if (hasEnv == hasPath) {
      throw new AdapterException("credentials", hasEnv
          ? "a Credential names both a Vault path and an environment variable: set only one"
          : "a Credential names neither a Vault path nor an environment variable: use envCredential(name) or vaultCredential(path, key)");
    }
    if (hasEnv) return new Env(((Value.Str) env).value());
    var key = rec.get("key") instanceof Value.Str k ? k.value() : "password";
    return new Vault(((Value.Str) path).value(), key);
  }
}
