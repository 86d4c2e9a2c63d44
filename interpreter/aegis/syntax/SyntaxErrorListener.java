package aegis.syntax;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.antlr.AegisLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Turns ANTLR's syntax errors into diagnostics a person can act on: "unexpected `)`" with the
 * few tokens that would fit, instead of ANTLR's token-set dumps. After {@link #MAX_ERRORS} errors it
 * stops the parse ({@link TooMany}): past that many the rest are mostly echoes of the first, and
 * recovering from each costs time (a fuzzed file with 5 000 took seconds).
 */
final class SyntaxErrorListener extends BaseErrorListener {
  static final int MAX_ERRORS = 100;
  private static final int MAX_EXPECTED_SHOWN = 8;
  private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry(AegisLexer.ID, "a name"),
      Map.entry(AegisLexer.INT, "a number"),
      Map.entry(AegisLexer.FLOAT, "a number"),
      Map.entry(AegisLexer.UNIT_NUMBER, "a duration or quantity"),
      Map.entry(AegisLexer.DQUOTE, "a string"),
      Map.entry(AegisLexer.TDQUOTE, "a string"),
      Map.entry(AegisLexer.STR_CLOSE, "`\"`"),
      Map.entry(AegisLexer.STR_NEWLINE, "`\"`"),
      Map.entry(AegisLexer.MSTR_CLOSE, "`\"\"\"`"),
      Map.entry(Token.EOF, "end of file"));

  private final SourceFile file;
  private final Offsets offsets;
  private final Vocabulary vocabulary;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private int lastOffset = -1;

  SyntaxErrorListener(SourceFile file, Offsets offsets, Vocabulary vocabulary) {
    this.file = file;
    this.offsets = offsets;
    this.vocabulary = vocabulary;
  }

  /** Thrown out of the parse at the error past {@link #MAX_ERRORS}; {@link #tree} is what was read so far. */
  static final class TooMany extends RuntimeException {
    final transient ParserRuleContext tree;

    TooMany(ParserRuleContext tree) {
      super(null, null, false, false);
      this.tree = tree;
    }
  }

  List<Diagnostic> diagnostics() { return diagnostics; }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                          String antlrMessage, RecognitionException e) {
    if (!(offendingSymbol instanceof Token token)) return;
    Span span = offsets.span(file, token);
    if (span.start() == lastOffset) return; // recovery often reports the same spot twice
    lastOffset = span.start();
    if (diagnostics.size() == MAX_ERRORS && recognizer instanceof Parser parser) {
      diagnostics.add(Diagnostic.of(Code.AEG101, span, "too many syntax errors: aegis stopped reading the file here")
          .withHint("fix the first errors; the others often follow from them"));
      throw new TooMany(root(parser.getContext()));
    }

    Set<String> expected = new LinkedHashSet<>();
    if (recognizer instanceof Parser parser) {
      try {
        for (int type : parser.getExpectedTokens().toList()) expected.add(describe(type));
      } catch (RuntimeException noContext) {
        // the expected set is a courtesy; without it the message still names the problem
      }
    }

    String message;
    if (token.getType() == AegisLexer.BAD_CHAR) {
      message = "unexpected character `" + token.getText() + "`";
    } else if (antlrMessage != null && antlrMessage.startsWith("missing ") && expected.size() == 1) {
      message = "missing " + expected.iterator().next();
    } else {
      message = "unexpected " + describeToken(token);
    }
    var d = Diagnostic.of(Code.AEG101, span, message);
    if (!expected.isEmpty() && expected.size() <= MAX_EXPECTED_SHOWN && !message.startsWith("missing")) {
      d = d.withHint("expected " + oneOf(expected));
    }
    if (token.getType() == Token.EOF && expected.contains("`}`")) {
      d = d.withHint("a `{` is not closed");
    }
    diagnostics.add(d);
  }

  private static ParserRuleContext root(ParserRuleContext ctx) {
    var root = ctx;
    while (root != null && root.getParent() != null) root = root.getParent();
    return root;
  }

  private String describeToken(Token token) {
    if (token.getType() == Token.EOF) return "end of file";
    String text = token.getText();
    if (token.getType() == AegisLexer.DQUOTE || token.getType() == AegisLexer.TDQUOTE) return "string";
    if (text.length() > 30) text = text.substring(0, 27) + "...";
    return "`" + text.replace("\n", "\\n") + "`";
  }

  private String describe(int type) {
    var known = DESCRIPTIONS.get(type);
    if (known != null) return known;
    String literal = vocabulary.getLiteralName(type);
    if (literal != null) return "`" + literal.substring(1, literal.length() - 1) + "`";
    return vocabulary.getDisplayName(type);
  }

  private static String oneOf(Set<String> options) {
    var list = new ArrayList<>(options);
    if (list.size() == 1) return list.getFirst();
    return "one of " + String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.getLast();
  }
}
