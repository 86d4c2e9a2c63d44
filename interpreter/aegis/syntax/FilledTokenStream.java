package aegis.syntax;

import java.util.ArrayList;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * ANTLR's token stream, read to the end at once, that finds the parser's next and previous token
 * in a table instead of stepping over the whitespace and comments between them: every
 * {@code consume()} and look-ahead of ANTLR's stream walks the hidden tokens again, which was 6% of
 * the time of parse + check. The answers are those of {@link CommonTokenStream}, which it is.
 */
final class FilledTokenStream extends CommonTokenStream {
  /** Characters of source per token (whitespace included), to size the token list once. */
  private static final int CHARS_PER_TOKEN = 3;

  /** For each token index, the first index at or after it on the parser's channel (or the EOF); null until filled. */
  private int[] next;
  /** For each token index, the last index at or before it on the parser's channel (or the EOF), or -1. */
  private int[] previous;

  FilledTokenStream(TokenSource source, int textLength) {
    super(source);
    tokens = new ArrayList<>(textLength / CHARS_PER_TOKEN + 16);
    fill();
  }

  @Override
  public void fill() {
    super.fill();
    int n = tokens.size();
    next = new int[n];
    previous = new int[n];
    int nextOn = n - 1;
    for (int i = n - 1; i >= 0; i--) {
      if (onChannel(tokens.get(i))) nextOn = i;
      next[i] = nextOn;
    }
    int previousOn = -1;
    for (int i = 0; i < n; i++) {
      if (onChannel(tokens.get(i))) previousOn = i;
      previous[i] = previousOn;
    }
  }

  private boolean onChannel(Token t) {
    return t.getChannel() == channel || t.getType() == Token.EOF;
  }

  @Override
  protected int nextTokenOnChannel(int i, int channel) {
    if (next == null || channel != this.channel || i < 0) return super.nextTokenOnChannel(i, channel);
    return i >= next.length ? next.length - 1 : next[i];
  }

  @Override
  protected int previousTokenOnChannel(int i, int channel) {
    if (previous == null || channel != this.channel || i < 0) return super.previousTokenOnChannel(i, channel);
    return i >= previous.length ? previous.length - 1 : previous[i];
  }
}
