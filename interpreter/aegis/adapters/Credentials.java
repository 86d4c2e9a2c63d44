package aegis.adapters;

import aegis.adapters.vault.VaultCredentials;
import aegis.eval.Value;
import java.util.function.Function;

/**
 * The credential source of a run: environment variables of this process, and keys of KV v2
 * secrets in the Vault of the run's environment ({@link CallContext#environment()}). Every
 * adapter that needs a password resolves it here, so none knows where secrets live.
 */
public final class Credentials {
  private Credentials() {}

  public static CredentialSource standard(Function<String, String> processEnvironment) {
    return CredentialSource.chain(CredentialSource.environment(processEnvironment), vault(processEnvironment));
  }

  private static CredentialSource vault(Function<String, String> processEnvironment) {
    return new CredentialSource() {
      @Override
      public boolean handles(CredentialRef ref) { return ref instanceof CredentialRef.Vault; }

      @Override
      public String resolve(CredentialRef ref, CallContext ctx) {
        var v = (CredentialRef.Vault) ref;
        var env = ctx.environment();
        if (env == null || !(env.get("vault") instanceof Value.Rec endpoint)) {
          throw new AdapterException("credentials", "the " + ref.describe() + " is in Vault, but this run has no environment with a Vault");
        }
        return VaultCredentials.of(endpoint, processEnvironment).resolve(v.path(), v.key(), ctx);
      }
    };
  }
}
