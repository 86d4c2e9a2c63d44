package aegis.adapters.vault;

import aegis.adapters.AdapterException;
import aegis.adapters.CallContext;
import aegis.adapters.Deadlines;
import aegis.eval.Value;
import java.util.function.Function;

/**
 * Passwords kept in Vault for the adapters that log in (PostgreSQL, Neo4j): the value of one key
 * of a KV version 2 secret, read from one Vault endpoint (the environment's), once per run. This
 * is the Vault half of the credential seam: wrapped as a {@code CredentialSource} that handles
 * {@code CredentialRef.Vault(path, key)}, it resolves through {@link #resolve}.
 */
public final class VaultCredentials {
  private final VaultEndpoint endpoint;
  private final Function<String, String> environment;

  public VaultCredentials(VaultEndpoint endpoint, Function<String, String> environment) {
    this.endpoint = endpoint;
    this.environment = environment;
  }

  /** From a {@code vault.Endpoint} record, e.g. the environment's {@code vault} field. */
  public static VaultCredentials of(Value.Rec vaultEndpoint, Function<String, String> environment) {
    return new VaultCredentials(VaultValues.endpoint(vaultEndpoint), environment);
  }

  /**
   * The value of {@code key} in the newest version of {@code path} (e.g.
   * {@code secret/aegis/postgresql}, {@code password}), registered as a secret. Fails naming the
   * path and key, never a value.
   */
  public String resolve(String path, String key, CallContext ctx) {
    return ctx.resource("vault-credential " + endpoint.base() + " " + path + "#" + key, () -> {
      var client = new VaultClient(endpoint, VaultModule.http(ctx), () -> {
        var token = endpoint.readToken(environment);
        ctx.registerSecret(token);
        return token;
      }, Deadlines.timeLeft(ctx, endpoint.timeout(), "vault"));
      var secret = client.read(path, null).orElseThrow(() -> new AdapterException("vault",
          "cannot read the password: there is no secret at " + path + " in Vault at " + endpoint.base()));
      var value = secret.data().get(key);
      if (value == null) {
        throw new AdapterException("vault", "cannot read the password: " + path + " (version " + secret.version()
            + ") has no key `" + key + "`; it has " + VaultValues.keyList(secret.data()));
      }
      ctx.registerSecret(value.reveal());
      return value.reveal();
    });
  }
}
