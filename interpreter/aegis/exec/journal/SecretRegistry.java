package aegis.exec.journal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secret values a run has seen, and the redaction of them from text. The evaluator keeps
 * {@code Secret}-typed values out of strings in the first place; this is the last line of
 * defence for whatever still carries one (an adapter's error message, a live object's state).
 *
 * <p>Besides each value itself, the forms in which a value commonly travels are redacted too:
 * its Base64 encodings (a Kubernetes {@code Secret}'s {@code data}) and its JSON-escaped form (a
 * JSON document held in a string). Matching is exact and case-sensitive. Every non-empty value is
 * registered, however short: a needlessly redacted word is better than a leaked password.
 *
 * <p>Thread-safe: parallel steps register secrets while other steps write to the journal.
 */
public final class SecretRegistry {
  /** What a secret is replaced by. */
  public static final String REDACTED = "‹redacted›";

  private final Set<String> values = new LinkedHashSet<>();
  /** Every form to redact, longest first, so a secret that contains another is redacted whole. */
  private volatile List<String> needles = List.of();

  /** A registry holding {@code secrets}. */
  public static SecretRegistry of(String... secrets) {
    SecretRegistry registry = new SecretRegistry();
    for (String secret : secrets) registry.register(secret);
    return registry;
  }

  /** Adds a secret value; {@code null} and empty values are ignored (they cannot leak anything). */
  public synchronized void register(String secret) {
    if (secret == null || secret.isEmpty() || !values.add(secret)) return;
    Set<String> all = new LinkedHashSet<>(needles);
    all.add(secret);
    all.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    all.add(Base64.getEncoder().encodeToString(bytes));
    all.add(Base64.getUrlEncoder().encodeToString(bytes));
    all.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    needles = List.copyOf(sorted);
  }

  public boolean isEmpty() { return needles.isEmpty(); }

  /** {@code text} with every occurrence of a secret replaced by {@link #REDACTED}. */
  public String redact(String text) {
    List<String> forms = needles;
    if (text == null || forms.isEmpty()) return text;
    StringBuilder out = null;
    int copiedUpTo = 0;
    for (int i = 0; i < text.length(); ) {
      String hit = longestAt(forms, text, i);
      if (hit == null) {
        i++;
        continue;
      }
      if (out == null) out = new StringBuilder(text.length());
      out.append(text, copiedUpTo, i).append(REDACTED);
      i += hit.length();
      copiedUpTo = i;
    }
    return out == null ? text : out.append(text, copiedUpTo, text.length()).toString();
  }

  /** A copy of {@code node} with every string value and object key redacted. */
  public JsonNode redact(JsonNode node) {
    if (node == null || needles.isEmpty()) return node;
    if (node.isTextual()) return JsonNodeFactory.instance.textNode(redact(node.asText()));
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(array.size());
      array.forEach(element -> copy.add(redact(element)));
      return copy;
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        copy.set(redact(member.getKey()), redact(member.getValue()));
      }
      return copy;
    }
    return node;
  }

  private static String longestAt(List<String> forms, String text, int offset) {
    for (String form : forms) {
      if (text.startsWith(form, offset)) return form;
    }
    return null;
  }
}
