package aegis.adapters.vault;

import aegis.adapters.HomePaths;
import aegis.adapters.AdapterException;
import aegis.eval.Value;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between aegis values and the typed Vault classes: the {@code vault.Endpoint} record in,
 * the result records of {@code stdlib/vault.aegis} out.
 */
final class VaultValues {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private VaultValues() {}

  /**
   * Reads a {@code vault.Endpoint}: {@code address}, {@code tokenEnv}, {@code tokenFile},
   * {@code namespace}, {@code timeout}. A token file wins over the variable when both are set.
   */
  static VaultEndpoint endpoint(Value.Rec rec) {
    var address = string(rec, "address");
    if (address == null || address.isBlank()) throw new AdapterException("vault", "the Vault endpoint has no address");
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw badAddress(address);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) throw badAddress(address);
    var tokenFile = string(rec, "tokenFile");
    var tokenEnv = string(rec, "tokenEnv");
    VaultEndpoint.TokenSource token = tokenFile != null && !tokenFile.isBlank()
        ? new VaultEndpoint.TokenSource.FromFile(HomePaths.expand(tokenFile))
        : new VaultEndpoint.TokenSource.FromEnv(tokenEnv == null || tokenEnv.isBlank() ? "VAULT_TOKEN" : tokenEnv);
    var namespace = string(rec, "namespace");
    var timeout = rec.get("timeout") instanceof Value.Dur d ? d.value() : DEFAULT_TIMEOUT;
    return new VaultEndpoint(uri, token, namespace == null || namespace.isBlank() ? null : namespace, timeout);
  }

  static Value health(VaultHealth h) {
    return rec("vault.Health", "status", new Value.Int(h.status()), "initialized", Value.Bool.of(h.initialized()),
        "sealed", Value.Bool.of(h.sealed()), "standby", Value.Bool.of(h.standby()), "version", new Value.Str(h.version()));
  }

  static Value sealStatus(SealStatus s) {
    return rec("vault.SealStatus", "initialized", Value.Bool.of(s.initialized()), "sealed", Value.Bool.of(s.sealed()),
        "threshold", new Value.Int(s.threshold()), "shares", new Value.Int(s.shares()), "progress", new Value.Int(s.progress()));
  }

  static Value initResult(InitKeys keys) {
    return rec("vault.InitResult", "keys", new Value.ListV(List.copyOf(keys.keys())),
        "keysBase64", new Value.ListV(List.copyOf(keys.keysBase64())), "rootToken", keys.rootToken(),
        "shares", new Value.Int(keys.shares()), "threshold", new Value.Int(keys.threshold()));
  }

  /** The typed keys back from a {@code vault.InitResult} value. */
  static InitKeys initKeys(Value.Rec rec) {
    return new InitKeys(secretList(rec.get("keys")), secretList(rec.get("keysBase64")), secret(rec.get("rootToken")),
        (int) ((Value.Int) rec.get("shares")).value(), (int) ((Value.Int) rec.get("threshold")).value());
  }

  static Value kvSecret(KvSecret s) {
    var data = new LinkedHashMap<String, Value>(s.data());
    return rec("vault.KvSecret", "path", new Value.Str(s.path()), "version", new Value.Int(s.version()),
        "createdTime", new Value.Str(s.createdTime()), "data", new Value.MapV(data));
  }

  private static List<Value.Secret> secretList(Value list) {
    var secrets = new ArrayList<Value.Secret>();
    for (var item : ((Value.ListV) list).items()) secrets.add(secret(item));
    return secrets;
  }

  /** A Secret, or a String given where a Secret is expected (the checker allows that). */
  static Value.Secret secret(Value value) {
    return switch (value) {
      case Value.Secret s -> s;
      case Value.Str s -> new Value.Secret(s.value());
      default -> throw new ClassCastException("not a secret: " + value.getClass().getSimpleName());
    };
  }

  private static Value rec(String type, Object... namesAndValues) {
    var fields = new LinkedHashMap<String, Value>();
    for (int i = 0; i < namesAndValues.length; i += 2) fields.put((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
    return new Value.Rec(type, fields);
  }

  private static String string(Value.Rec rec, String field) {
    return rec.get(field) instanceof Value.Str s ? s.value() : null;
  }

  private static AdapterException badAddress(String address) {
    return new AdapterException("vault", "the Vault address `" + address + "` is not an http:// or https:// URL");
  }

  /** Keys of a map, for messages (names are not secret, values are). */
  static String keyList(Map<String, ?> map) {
    return map.isEmpty() ? "no keys" : String.join(", ", map.keySet());
  }
}
