package aegis.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The inputs the fuzzer starts from: every real runbook, environment and stdlib module, and every
 * golden input, as text (bytes that are not UTF-8 become U+FFFD, as an editor would show them),
 * and the words and symbols they are made of, for mutations that insert a plausible token.
 */
public record Corpus(List<Seed> seeds, List<String> tokens) {
  /** One starting input: its path (as a name for messages and relative imports) and its text. */
  public record Seed(String name, String text) {}

  private static final List<String> ROOTS = List.of("runbooks", "environments", "stdlib", "src/test/resources/golden");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|[0-9][0-9_.]*[A-Za-z]*|\"\"\"|\\$\\{|->|\\?\\.|\\?\\?|[=!<>]=|&&|\\|\\||\\S");

  /** Tokens that make the lexer and parser change state, whatever the corpus holds. */
  private static final List<String> SPECIAL = List.of(
      "\"", "\"\"\"", "\"\"\"\"", "${", "}", "{", "(", ")", "[", "]", "///", "//", "/*", "*/", "\\", "\\q", "$",
      "\n", "\r\n", "\t", "->", "?.", "??", "?", "10m", "4Gi", "1_000", "3parsecs", "0.5", "1.", "1__0",
      "99999999999999999999", "1e10", "step", "let", "fn", "extern", "record", "enum", "runbook", "module",
      "environment", "import", "param", "window", "on failure", "finally", "report", "run", "approve", "wait until",
      "check", "else", "fail", "warn", "parallel(limit: 2)", "retry(attempts: 2, backoff: 1s)", "timeout 5s", "null");

  public static Corpus load(Path projectRoot) {
    var seeds = new ArrayList<Seed>();
    Set<String> tokens = new LinkedHashSet<>(SPECIAL);
    for (String root : ROOTS) {
      Path dir = projectRoot.resolve(root);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".aegis") && Files.isRegularFile(p)).sorted().toList()) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
          seeds.add(new Seed(projectRoot.relativize(file).toString(), text));
          var m = TOKEN.matcher(text);
          while (m.find()) tokens.add(m.group());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Corpus(List.copyOf(seeds), List.copyOf(tokens));
  }
}
