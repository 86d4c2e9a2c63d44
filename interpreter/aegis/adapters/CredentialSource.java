package aegis.adapters;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Resolves a {@link CredentialRef} to the secret text, once per run and endpoint. Adapters that log
 * in (pg, neo4j) take one in their constructor; the registry passes {@link #chain} of the
 * environment source and the Vault source ({@code aegis.adapters.vault}), so that neither adapter
 * knows where secrets live.
 *
 * <p>{@link CredentialRef.None} is the adapter's business (it logs in without a password), never
 * passed here. Implementations register what they resolve with {@link CallContext#registerSecret} and never
 * put a secret in a message, an exception or a log line.
 */
public interface CredentialSource {

  /** Whether this source can resolve references of this kind. */
  boolean handles(CredentialRef ref);

  /**
   * The secret that {@code ref} names.
   *
   * @throws AdapterException naming the reference (never a value) when it cannot be resolved
   */
  String resolve(CredentialRef ref, CallContext ctx);

  /** Reads environment variables of this process. */
  static CredentialSource environment() { return environment(System::getenv); }

  /** Reads variables through {@code env}, e.g. a map in tests. */
  static CredentialSource environment(Function<String, String> env) {
    Objects.requireNonNull(env);
    return new CredentialSource() {
      @Override
      public boolean handles(CredentialRef ref) { return ref instanceof CredentialRef.Env; }

      @Override
      public String resolve(CredentialRef ref, CallContext ctx) {
        var variable = ((CredentialRef.Env) ref).variable();
        var value = env.apply(variable);
        if (value == null || value.isEmpty()) {
          throw new AdapterException("credentials", "the " + ref.describe() + " is not set: export it before running aegis");
        }
        ctx.registerSecret(value);
        return value;
      }
    };
  }

  /** Reads from {@code vars} only (tests). */
  static CredentialSource environment(Map<String, String> vars) { return environment(vars::get); }

  /** The first of {@code sources} that handles a reference resolves it. */
  static CredentialSource chain(CredentialSource... sources) {
    var all = java.util.List.of(sources);
    return new CredentialSource() {
      @Override
      public boolean handles(CredentialRef ref) {
        return all.stream().anyMatch(s -> s.handles(ref));
      }

      @Override
      public String resolve(CredentialRef ref, CallContext ctx) {
        for (var s : all) {
          if (s.handles(ref)) return s.resolve(ref, ctx);
        }
        throw new AdapterException("credentials", "cannot read the " + ref.describe() + ": no credential source for it is configured");
      }
    };
  }
}
