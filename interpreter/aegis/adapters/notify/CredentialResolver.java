package aegis.adapters.notify;

import aegis.adapters.CallContext;
import aegis.eval.Value;

/**
 * Turns a {@code core.Credential} value (a Vault path and key, or an environment variable name)
 * into the secret it names, registering it with {@link CallContext#registerSecret}. The run's
 * credential source provides it; it fails naming the credential, never a value.
 */
@FunctionalInterface
public interface CredentialResolver {
  String resolve(Value.Rec credential, CallContext ctx);

  /** Words for messages, e.g. "Vault secret secret/aegis/slack (key webhook)"; never the secret. */
  static String describe(Value.Rec credential) {
    if (credential.get("envVar") instanceof Value.Str env) return "environment variable " + env.value();
    if (credential.get("vaultPath") instanceof Value.Str path) {
      var key = credential.get("key") instanceof Value.Str k ? k.value() : "password";
      return "Vault secret " + path.value() + " (key " + key + ")";
    }
    return "an empty credential";
  }
}
