package aegis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golden files of whole plans under {@code src/test/resources/golden/plan-runbooks/}: compared
 * after normalising what differs from one plan to the next (plan id, creation time, content
 * hashes, the aegis version, ports and temporary directories); regenerated with
 * {@code -Dgolden.update=true} (then review the diff).
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden/plan-runbooks");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private final Map<Pattern, String> replacements = new LinkedHashMap<>();

  /** The normalisations every plan needs. */
  static Golden plans(String aegisVersion) {
    var g = new Golden();
    g.literal("aegis " + aegisVersion, "aegis <aegis-version>");
    g.regex("(\"aegisVersion\"\\s*:\\s*)\"[^\"]*\"", "$1\"<aegis-version>\"");
    g.regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<plan-id>");
    g.regex("\\b[0-9a-f]{64}\\b", "<sha256>");
    g.regex("\\b[0-9a-f]{12}…", "<sha>…");
    return g;
  }

  /** Replaces every occurrence of {@code text}. */
  Golden literal(String text, String replacement) {
    replacements.put(Pattern.compile(Pattern.quote(text)), Matcher.quoteReplacement(replacement));
    return this;
  }

  /** Replaces every match of {@code regex} by {@code replacement}, which may refer to groups ({@code $1}). */
  Golden regex(String regex, String replacement) {
    replacements.put(Pattern.compile(regex), replacement);
    return this;
  }

  String normalise(String text) {
    String out = text;
    for (var e : replacements.entrySet()) out = e.getKey().matcher(out).replaceAll(e.getValue());
    return out;
  }

  /** Compares {@code actual}, normalised, with the golden file {@code name} (or writes it when updating). */
  void check(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    String normalised = normalise(actual);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, normalised, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(file), file + " is missing; run the tests with -Dgolden.update=true to create it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), normalised, name + " differs from its golden file");
  }
}
