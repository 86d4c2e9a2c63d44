package aegis.adapters;

import aegis.adapters.vault.VaultCredentials;
import aegis.eval.Value;
import java.util.function.Function;

/**
 * Resolves a {@code core.Credential}: an environment variable of this process, or a key of a
 * Vault KV v2 secret in the run's environment's Vault. The value is registered as a secret before
 * anyone sees it; failures name the credential, never a value.
 */
public final class Credentials {
  private final Function<String, String> processEnvironment;

  public Credentials(Function<String, String> processEnvironment) {
    this.processEnvironment = processEnvironment;
  }

  public String resolve(Value.Rec credential, CallContext ctx) {
    if (credential.get("envVar") instanceof Value.Str var) {
      String value = processEnvironment.apply(var.value());
      if (value == null) {
        throw new AdapterException("credentials", "the environment variable " + var.value() + " is not set");
      }
      ctx.registerSecret(value);
      return value;
    }
    if (credential.get("vaultPath") instanceof Value.Str path) {
      String key = credential.get("key") instanceof Value.Str k ? k.value() : "password";
      var env = ctx.environment();
      if (env == null) throw new AdapterException("credentials", "no environment to find Vault in for " + path.value());
      return VaultCredentials.of((Value.Rec) env.get("vault"), processEnvironment).resolve(path.value(), key, ctx);
    }
    throw new AdapterException("credentials", "the credential names neither an environment variable nor a Vault path");
  }
}
