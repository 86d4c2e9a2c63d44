package aegis.adapters;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Resolves a {@link CredentialRef} to the secret text; adapters resolve once per run and endpoint
 * (when they open the run's connection pool), so neither adapter knows where secrets live.
 *
 * <p>A Vault reference names a path in <em>the environment's</em> Vault, which only the run knows:
 * the executor puts the run's source ({@link #chain} of {@link #environment()} and the Vault source
 * of {@code aegis.adapters.vault}) into the run's resources under {@link #RUN_RESOURCE} before the
 * first call, and adapters ask {@link #forRun}, falling back to the source they were built with
 * (the environment alone by default).
 *
 * <p>Implementations register what they resolve with {@link CallContext#registerSecret} and never
 * put a secret in a message, an exception or a log line.
 */
public interface CredentialSource {

  /** The {@link CallContext#resource} key of the run's credential source. */
  String RUN_RESOURCE = "aegis.credentials";

  /**
   * The run's source when the executor gave one, else {@code fallback}. The lookup creates nothing:
   * its factory yields null, which a run does not keep.
   */
  static CredentialSource forRun(CallContext ctx, CredentialSource fallback) {
    CredentialSource given = ctx.resource(RUN_RESOURCE, () -> null);
    return given != null ? given : fallback;
  }

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
