package aegis.types;

import java.util.Collection;

/** "Did you mean `rolloutStatus`?": the closest known name by edit distance, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** The hint for a misspelt {@code name}, or null when nothing is close. */
  static String didYouMean(String name, Collection<String> candidates) {
    var best = closest(name, candidates);
    return best == null ? null : "did you mean `" + best + "`?";
  }

  /** The candidate nearest to {@code name}, or null when none is within a third of its length. */
  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    for (var c : candidates) {
      if (c.equals(name) || c.startsWith("_")) continue;
      int d = c.equalsIgnoreCase(name) ? 0 : distance(name, c);
      if (d <= limit && (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0))) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
