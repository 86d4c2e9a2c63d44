package aegis.sandbox.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The storage of {@link FakeVaultServer}: seal state, unseal keys, tokens and KV v2 secrets. Not
 * thread-safe on its own: the server serialises access to it.
 *
 * <p>Unseal keys are random 32-byte shares, not Shamir shares; any {@code threshold} distinct
 * shares of the generated set unseal, which is what a client can observe of Shamir's scheme.
 */
final class VaultState {
  /** Thrown for a request Vault would refuse; becomes {@code {"errors": [message]}} with {@code status}. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** One stored version of a secret. */
  record Version(int number, ObjectNode data, Instant created) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private boolean initialized;
  private boolean sealed = true;
  private boolean standby;
  private int shares;
  private int threshold;
  private final List<byte[]> keys = new ArrayList<>();
  private final List<byte[]> submitted = new ArrayList<>();
  private final Set<String> tokens = new HashSet<>();
  private final Set<String> kvMounts = new LinkedHashSet<>(List.of("secret"));
  private final Map<String, List<Version>> secrets = new HashMap<>();

  /** What {@code sys/init} answers: the shares (hex and base64) and the root token. */
  record InitKeys(List<String> hex, List<String> base64, String rootToken) {}

  InitKeys init(int shares, int threshold) {
    if (initialized) throw new Refused(400, "Vault is already initialized");
    if (shares < 1) throw new Refused(400, "invalid seal configuration: shares must be at least one");
    if (threshold < 1) throw new Refused(400, "invalid seal configuration: threshold must be at least one");
    if (threshold > shares) throw new Refused(400, "invalid seal configuration: threshold cannot be larger than shares");
    if (shares > 1 && threshold == 1) {
      throw new Refused(400, "invalid seal configuration: threshold must be greater than one for multiple shares");
    }
    var hex = new ArrayList<String>();
    var base64 = new ArrayList<String>();
    for (int i = 0; i < shares; i++) {
      var key = new byte[32];
      RANDOM.nextBytes(key);
      keys.add(key);
      hex.add(HexFormat.of().formatHex(key));
      base64.add(Base64.getEncoder().encodeToString(key));
    }
    this.shares = shares;
    this.threshold = threshold;
    initialized = true;
    sealed = true;
    var root = newToken();
    tokens.add(root);
    return new InitKeys(List.copyOf(hex), List.copyOf(base64), root);
  }

  /** Submits one unseal key; Vault ignores a share it already holds. */
  void unseal(byte[] key) {
    if (!initialized) throw new Refused(400, "Vault is not initialized");
    if (!sealed) return;
    for (var held : submitted) {
      if (java.util.Arrays.equals(held, key)) return;
    }
    submitted.add(key);
    if (submitted.size() < threshold) return;
    boolean genuine = submitted.stream().allMatch(k -> keys.stream().anyMatch(g -> java.util.Arrays.equals(g, k)));
    submitted.clear();
    if (!genuine) throw new Refused(400, "cipher: message authentication failed");
    sealed = false;
  }

  void resetUnseal() { submitted.clear(); }

  void seal() {
    submitted.clear();
    sealed = true;
  }

  /** Makes the state what {@code vault server -dev} starts with: one share, unsealed, the given root token. */
  List<String> initDev(String rootToken) {
    var generated = init(1, 1);
    tokens.clear();
    tokens.add(rootToken);
    unseal(HexFormat.of().parseHex(generated.hex().getFirst()));
    return generated.hex();
  }

  Version write(String mount, String path, ObjectNode data, Integer cas) {
    var versions = secrets.computeIfAbsent(mount + "/" + path, k -> new ArrayList<>());
    if (cas != null && cas != versions.size()) {
      throw new Refused(400, "check-and-set parameter did not match the current version");
    }
    var version = new Version(versions.size() + 1, data.deepCopy(), Instant.now());
    versions.add(version);
    return version;
  }

  /** The version asked for, or the newest when {@code number} is 0; null when there is none. */
  Version read(String mount, String path, int number) {
    var versions = secrets.get(mount + "/" + path);
    if (versions == null || versions.isEmpty()) return null;
    if (number == 0) return versions.getLast();
    return number <= versions.size() ? versions.get(number - 1) : null;
  }

  boolean isKvMount(String mount) { return kvMounts.contains(mount); }

  void addKvMount(String mount) { kvMounts.add(mount); }

  boolean validToken(String token) { return token != null && tokens.contains(token); }

  void addToken(String token) { tokens.add(token); }

  boolean initialized() { return initialized; }

  boolean sealed() { return sealed; }

  boolean standby() { return standby; }

  void standby(boolean standby) { this.standby = standby; }

  int shares() { return shares; }

  int threshold() { return threshold; }

  int progress() { return submitted.size(); }

  private static String newToken() {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    var token = new StringBuilder("hvs.");
    for (int i = 0; i < 24; i++) token.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    return token.toString();
  }
}
