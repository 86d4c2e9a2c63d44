package aegis.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes broken variants of source text: random insertions, deletions, swaps, duplications and
 * truncations; random tokens, characters and bytes (control characters, lone surrogates, emoji);
 * deep nesting; splices of two inputs; and token soup with no input at all. Each variant is a
 * function of the random generator only, so a seed reproduces it.
 */
public final class Mutator {
  /** Characters that are rare in source and hard on lexers and offset arithmetic. */
  private static final String ODD = "\u0000\u0001\u0007\u001b\u007f\u00a0\u00e9\u200b\u200e\u2028\ufeff\uffff\ufffd";
  private static final String EMOJI = "\uD83D\uDE00";
  private static final List<String> OPENERS = List.of("(", "[", "{", "\"${", "\"\"\"${", "if true { ", "x -> ", "!", "- ",
      "null ?? ", "List<", "if a then b else ");

  private final Corpus corpus;

  public Mutator(Corpus corpus) { this.corpus = corpus; }

  /**
   * A variant: mostly one to eight mutations of one input (named as that input, so its relative
   * imports still resolve), sometimes something made from scratch.
   */
  public Corpus.Seed next(SplittableRandom random) {
    int kind = random.nextInt(100);
    if (kind < 4) return new Corpus.Seed("fuzz/soup.aegis", soup(random));
    if (kind < 6) return new Corpus.Seed("fuzz/chars.aegis", randomChars(random, 1 + random.nextInt(400)));
    var seeds = corpus.seeds();
    var base = seeds.get(random.nextInt(seeds.size()));
    String text = base.text();
    int mutations = 1 + random.nextInt(8);
    for (int i = 0; i < mutations; i++) text = mutate(random, text);
    return new Corpus.Seed(base.name(), text);
  }

  private String seed(SplittableRandom random) {
    var seeds = corpus.seeds();
    return seeds.get(random.nextInt(seeds.size())).text();
  }

  private String mutate(SplittableRandom random, String text) {
    int at = random.nextInt(text.length() + 1);
    return switch (random.nextInt(12)) {
      case 0 -> text.substring(0, at) + token(random) + text.substring(at);
      case 1 -> text.substring(0, at) + " " + token(random) + " " + text.substring(at);
      case 2 -> delete(random, text, at);
      case 3 -> swap(random, text);
      case 4 -> duplicate(random, text, at);
      case 5 -> text.substring(0, at);
      case 6 -> text.substring(0, at) + randomChars(random, 1 + random.nextInt(4)) + text.substring(at);
      case 7 -> replaceChar(random, text, at);
      case 8 -> nest(random, text, at);
      case 9 -> splice(random, text, at);
      case 10 -> deleteLine(random, text);
      default -> text.substring(0, at) + corpus.tokens().get(random.nextInt(corpus.tokens().size())) + text.substring(at);
    };
  }

  private String token(SplittableRandom random) {
    var tokens = corpus.tokens();
    return tokens.get(random.nextInt(tokens.size()));
  }

  private static String delete(SplittableRandom random, String text, int at) {
    int end = Math.min(text.length(), at + 1 + random.nextInt(random.nextBoolean() ? 3 : 80));
    return text.substring(0, at) + text.substring(end);
  }

  private static String swap(SplittableRandom random, String text) {
    if (text.length() < 4) return text;
    int a = random.nextInt(text.length() - 2);
    int aEnd = Math.min(text.length(), a + 1 + random.nextInt(40));
    int b = aEnd + random.nextInt(text.length() - aEnd + 1);
    int bEnd = Math.min(text.length(), b + random.nextInt(40));
    return text.substring(0, a) + text.substring(b, bEnd) + text.substring(aEnd, b) + text.substring(a, aEnd)
        + text.substring(bEnd);
  }

  private static String duplicate(SplittableRandom random, String text, int at) {
    int end = Math.min(text.length(), at + random.nextInt(200));
    String piece = text.substring(at, end);
    return text.substring(0, end) + piece.repeat(1 + random.nextInt(3)) + text.substring(end);
  }

  private static String replaceChar(SplittableRandom random, String text, int at) {
    if (at >= text.length()) return text;
    char c = (char) random.nextInt(0x80);
    return text.substring(0, at) + c + text.substring(at + 1);
  }

  /** Openers repeated up to a few thousand times, closed or not: the parser's nesting limit and recursion. */
  private static String nest(SplittableRandom random, String text, int at) {
    String opener = OPENERS.get(random.nextInt(OPENERS.size()));
    int depth = random.nextInt(10) < 7 ? 1 + random.nextInt(40) : 1 + random.nextInt(3000);
    String closer = switch (opener) {
      case "(" -> ")";
      case "[" -> "]";
      case "{", "if true { " -> "}";
      case "\"${" -> "}\"";
      case "\"\"\"${" -> "}\"\"\"";
      case "List<" -> ">";
      default -> "";
    };
    String inner = random.nextBoolean() ? "1" : "";
    String closing = random.nextBoolean() ? closer.repeat(depth) : closer.repeat(random.nextInt(depth + 1));
    return text.substring(0, at) + opener.repeat(depth) + inner + closing + text.substring(at);
  }

  private String splice(SplittableRandom random, String text, int at) {
    String other = seed(random);
    int from = random.nextInt(other.length() + 1);
    int to = Math.min(other.length(), from + random.nextInt(300));
    return text.substring(0, at) + other.substring(from, to) + text.substring(at);
  }

  private static String deleteLine(SplittableRandom random, String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 2) return text;
    int drop = random.nextInt(lines.length);
    var sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i == drop) continue;
      if (!sb.isEmpty()) sb.append('\n');
      sb.append(lines[i]);
    }
    return sb.toString();
  }

  /** Tokens of the corpus in random order, with whitespace: text that lexes but rarely parses. */
  private String soup(SplittableRandom random) {
    var sb = new StringBuilder(random.nextBoolean() ? "runbook fuzz \"soup\"\n" : "");
    int n = random.nextInt(300);
    for (int i = 0; i < n; i++) sb.append(token(random)).append(random.nextInt(5) == 0 ? "\n" : " ");
    return sb.toString();
  }

  /** Random characters: printable ASCII mostly, then odd ones, emoji halves and lone surrogates. */
  private static String randomChars(SplittableRandom random, int n) {
    var sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(20);
      if (pick < 14) sb.append((char) (0x20 + random.nextInt(0x5f)));
      else if (pick < 16) sb.append(ODD.charAt(random.nextInt(ODD.length())));
      else if (pick < 17) sb.append(EMOJI);
      else if (pick < 18) sb.append(EMOJI.charAt(random.nextInt(2)));
      else sb.append((char) random.nextInt(0x10000));
    }
    return sb.toString();
  }
}
