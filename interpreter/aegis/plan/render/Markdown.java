package aegis.plan.render;

/** Escaping for the three places user text lands in GitHub-flavoured Markdown (plans and pr-plan comments). */
public final class Markdown {
  private Markdown() {}

  /** Inside HTML ({@code <summary>}, {@code <code>}): markdown is not parsed there. */
  public static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /**
   * Running text: no emphasis, links, tables or HTML can be started by it. Code spans written in
   * it (aegis messages quote names as {@code `name`}) are kept as code; a backtick without a
   * partner is shown as a backtick.
   */
  public static String text(String s) {
    String line = s.replace('\n', ' ').replace('\r', ' ');
    var b = new StringBuilder(line.length() + 8);
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '`') {
        int run = runOfBackticks(line, i);
        int close = closingRun(line, i + run, run);
        if (close >= 0) {
          b.append(line, i, close + run);
          i = close + run;
          continue;
        }
        b.append("\\`".repeat(run));
        i += run;
        continue;
      }
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\\', '*', '_', '[', ']', '|', '~', '#' -> b.append('\\').append(c);
        default -> b.append(c);
      }
      i++;
    }
    return b.toString();
  }

  private static int runOfBackticks(String s, int from) {
    int end = from;
    while (end < s.length() && s.charAt(end) == '`') end++;
    return end - from;
  }

  /** Start of the next run of exactly {@code run} backticks at or after {@code from}, or -1. */
  private static int closingRun(String s, int from, int run) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) != '`') {
        i++;
        continue;
      }
      int len = runOfBackticks(s, i);
      if (len == run) return i;
      i += len;
    }
    return -1;
  }

  /**
   * A code span that holds any text: the fence is longer than any run of backticks inside. In a
   * table cell, pipes must still be escaped (GitHub splits cells before it reads code spans).
   */
  public static String code(String s, boolean inTable) {
    String body = s.replace('\n', ' ').replace('\r', ' ');
    if (inTable) body = body.replace("|", "\\|");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < body.length(); i++) {
      run = body.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = body.startsWith("`") || body.endsWith("`") || body.isBlank();
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
  }
}
