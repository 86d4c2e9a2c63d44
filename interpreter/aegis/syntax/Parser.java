package aegis.syntax;

import aegis.diagnostics.Diagnostic;
import aegis.syntax.antlr.Aegis;
import aegis.syntax.antlr.AegisLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one way into the language: text in, {@link ParseResult} out. Runs ANTLR with SLL prediction
 * first (fast, enough for almost every file) and falls back to full LL with error recovery only
 * when SLL fails, so that a broken file still yields every syntax error and a partial tree.
 * Nothing outside {@code aegis.syntax} sees an ANTLR class.
 */
public final class Parser {
  private Parser() {}

  public static ParseResult parse(SourceFile file) {
    var offsets = new Offsets(file.text());
    var lexer = new AegisLexer(CharStreams.fromString(file.text(), file.name()));
    lexer.removeErrorListeners();
    var tokens = new CommonTokenStream(lexer);
    var parser = new Aegis(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);

    var syntaxErrors = new SyntaxErrorListener(file, offsets, parser.getVocabulary());
    Aegis.FileContext tree;
    try {
      tree = parser.file();
    } catch (ParseCancellationException slowPath) {
      tokens.seek(0);
      parser.reset();
      parser.addErrorListener(syntaxErrors);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      tree = parser.file();
    }

    var diagnostics = new ArrayList<Diagnostic>(syntaxErrors.diagnostics());
    var builder = new AstBuilder(file, tokens, offsets, diagnostics);
    var ast = builder.file(tree);
    return new ParseResult(ast, diagnostics, comments(file, tokens, offsets));
  }

  private static List<Comment> comments(SourceFile file, CommonTokenStream tokens, Offsets offsets) {
    var out = new ArrayList<Comment>();
    for (Token t : tokens.getTokens()) {
      int type = t.getType();
      if (type == AegisLexer.LINE_COMMENT || type == AegisLexer.BLOCK_COMMENT || type == AegisLexer.DOC_COMMENT) {
        var span = offsets.span(file, t);
        out.add(new Comment(span, span.text(), type == AegisLexer.DOC_COMMENT));
      }
    }
    return out;
  }
}
