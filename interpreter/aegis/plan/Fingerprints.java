package aegis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * Hashes that let {@code aegis apply} tell whether a saved plan is stale without the plan holding
 * the values themselves. Source text is hashed plainly (SHA-256 of its UTF-8 bytes). Inputs and
 * live-read results may be secret, so they are hashed salted with the plan's id over a canonical
 * JSON form (sorted keys, numbers by value): two equal values give the same hash within one plan,
 * and a hash cannot be looked up in a table made for another plan. A salted hash of a guessable
 * secret can still be brute-forced by whoever holds the plan: plans are not for public places
 * when their inputs are weak secrets.
 */
public final class Fingerprints {
  private final String salt;

  private Fingerprints(String salt) {
    this.salt = salt;
  }

  /** The fingerprints of one plan: use the saved plan's id again when checking it at apply time. */
  public static Fingerprints forPlan(String planId) {
    if (planId == null || planId.isBlank()) throw new IllegalArgumentException("fingerprints need a plan id");
    return new Fingerprints(planId);
  }

  /** SHA-256 of text (UTF-8), lowercase hex. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** {@code ab12cd34ef56…}: how hashes are shown to people. */
  public static String shortHash(String hex) {
    return hex == null ? "(none)" : hex.length() <= 12 ? hex : hex.substring(0, 12) + "…";
  }

  /** The salted hash of a JSON value (null counts as JSON null). */
  public String of(JsonNode value) {
    return sha256(salt + "\n" + canonical(value));
  }

  /** JSON with object keys sorted and numbers written by value, so equal values print equally. */
  public static String canonical(JsonNode value) {
    var b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  private static void write(StringBuilder b, JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      b.append("null");
    } else if (n.isObject()) {
      b.append('{');
      boolean first = true;
      for (String k : new TreeSet<>(PlanValues.keys(n))) {
        if (!first) b.append(',');
        first = false;
        b.append(TextNode.valueOf(k)).append(':');
        write(b, n.get(k));
      }
      b.append('}');
    } else if (n.isArray()) {
      b.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) b.append(',');
        write(b, n.get(i));
      }
      b.append(']');
    } else if (n.isNumber()) {
      b.append(n.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      b.append(n);
    }
  }
}
