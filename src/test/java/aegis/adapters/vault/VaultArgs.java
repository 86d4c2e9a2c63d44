package aegis.adapters.vault;

import aegis.adapters.Args;
import aegis.eval.Value;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the values a checked runbook would pass to the vault module. */
final class VaultArgs {
  private VaultArgs() {}

  /** A {@code vault.Endpoint} reading its token from {@code tokenEnv}. */
  static Value.Rec endpoint(String address, String tokenEnv) {
    var fields = new LinkedHashMap<String, Value>();
    fields.put("address", new Value.Str(address));
    fields.put("tokenEnv", new Value.Str(tokenEnv));
    fields.put("tokenFile", Value.Null.INSTANCE);
    fields.put("namespace", Value.Null.INSTANCE);
    fields.put("timeout", new Value.Dur(Duration.ofSeconds(5)));
    return new Value.Rec("vault.Endpoint", fields);
  }

  static Value.Rec endpointWithTokenFile(String address, String tokenFile) {
    var fields = new LinkedHashMap<>(endpoint(address, "UNUSED").fields());
    fields.put("tokenFile", new Value.Str(tokenFile));
    return new Value.Rec("vault.Endpoint", fields);
  }

  static Args args(String function, Value... values) { return new Args(function, List.of(values)); }

  static Value str(String s) { return new Value.Str(s); }

  static Value num(long n) { return new Value.Int(n); }

  static Value secrets(Map<String, String> data) {
    var map = new LinkedHashMap<String, Value>();
    data.forEach((k, v) -> map.put(k, new Value.Secret(v)));
    return new Value.MapV(map);
  }
}
