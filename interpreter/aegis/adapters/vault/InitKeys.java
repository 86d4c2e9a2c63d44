package aegis.adapters.vault;

import aegis.eval.Value;
import java.util.List;

/**
 * What {@code vault operator init} gives once and never again: the unseal key shares and the
 * initial root token. Every text here is a {@link Value.Secret}, so printing this record shows none.
 *
 * @param keys       the key shares, hex
 * @param keysBase64 the same shares, base64
 * @param rootToken  the initial root token
 * @param shares     how many shares were made
 * @param threshold  how many of them unseal
 */
public record InitKeys(List<Value.Secret> keys, List<Value.Secret> keysBase64, Value.Secret rootToken, int shares, int threshold) {
  public InitKeys {
    keys = List.copyOf(keys);
    keysBase64 = List.copyOf(keysBase64);
  }
}
