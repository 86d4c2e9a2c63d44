package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import aegis.adapters.CallContext;
import aegis.eval.Value;
import java.util.function.Function;

/**
 * Resolves the {@code Credential} of a bearer token to its text. The module's default reads
 * environment variables; a Vault reference needs the run's credential source, which the engine
 * passes in by constructing the module with its own {@code TokenSource}.
 */
@FunctionalInterface
public interface TokenSource {

  /** The token; implementations register it with {@link CallContext#registerSecret}. */
  String resolve(Value.Rec credential, CallContext ctx);

  /** Environment variables through {@code env}; Vault references fail naming the path. */
  static TokenSource environment(Function<String, String> env) {
    return (credential, ctx) -> {
      if (credential.get("envVar") instanceof Value.Str name) {
        String token = env.apply(name.value());
        if (token == null || token.isBlank()) {
          throw new AdapterException("kubernetes",
              "the Kubernetes token is read from the environment variable " + name.value() + ", which is not set: export it before running aegis");
        }
        ctx.registerSecret(token);
        return token.strip();
      }
      String path = credential.get("vaultPath") instanceof Value.Str p ? p.value() : "(none)";
      throw new AdapterException("kubernetes", "the Kubernetes token names Vault path " + path
          + ", but no Vault credential source was given to the k8s module; use envCredential(NAME) or the kubeconfig");
    };
  }
}
