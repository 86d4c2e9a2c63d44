package aegis.adapters.vault;

import aegis.eval.Value;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of a KV version 2 secret. Its values are {@link Value.Secret}s (non-string JSON
 * values as their JSON text), so printing this record shows none of them.
 *
 * @param path        the path read, e.g. {@code secret/aegis/postgresql}
 * @param version     the version number
 * @param createdTime when the version was written (RFC 3339, as Vault gives it)
 * @param data        the key/value pairs of the version, by key
 */
public record KvSecret(String path, int version, String createdTime, Map<String, Value.Secret> data) {
  public KvSecret { data = Collections.unmodifiableSortedMap(new TreeMap<>(data)); }
}
