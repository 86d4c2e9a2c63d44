package aegis.syntax;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.antlr.Aegis;
import aegis.syntax.antlr.AegisLexer;
import aegis.syntax.ast.AegisFile;
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
 * Nothing outside {@code aegis.syntax} sees an ANTLR class. Never throws on any text: input nested
 * deeper than {@link Nesting#MAX} levels is one AEG112 diagnostic (see {@link Nesting}).
 */
public final class Parser {
  private Parser() {}

  public static ParseResult parse(SourceFile file) {
    var offsets = new Offsets(file.text());
    var lexer = new AegisLexer(CharStreams.fromString(file.text(), file.name()));
    lexer.removeErrorListeners();
    var tokens = new CommonTokenStream(lexer);
    tokens.fill();
    Token tooDeep = Nesting.firstTooDeep(tokens.getTokens());
    if (tooDeep != null) return tooDeep(file, offsets.span(file, tooDeep), "brackets and strings", tokens, offsets);

    var parser = new Aegis(tokens);
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);

    var syntaxErrors = new SyntaxErrorListener(file, offsets, parser.getVocabulary());
    Aegis.FileContext tree;
    try {
      tree = parseTree(parser, tokens, syntaxErrors);
    } catch (StackOverflowError deep) {
      // Brackets are within the limit, but a chain without them (`!!!...x`, `a ?? b ?? ...`,
      // `else if` thousands long) made ANTLR recurse too far. Like trino's SqlParser, we report
      // it where the parser stood; the half-built tree is dropped.
      return tooDeep(file, offsets.span(file, parser.getCurrentToken()), "expressions and blocks", tokens, offsets);
    }

    var diagnostics = new ArrayList<Diagnostic>(syntaxErrors.diagnostics());
    var builder = new AstBuilder(file, tokens, offsets, diagnostics);
    var ast = builder.file(tree);
    return new ParseResult(ast, diagnostics, comments(file, tokens, offsets));
  }

  private static Aegis.FileContext parseTree(Aegis parser, CommonTokenStream tokens, SyntaxErrorListener syntaxErrors) {
    try {
      return parser.file();
    } catch (ParseCancellationException slowPath) {
      tokens.seek(0);
      parser.reset();
      parser.addErrorListener(syntaxErrors);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return parser.file();
    }
  }

  /** A file nested too deeply to read: no tree, one diagnostic at the level past the limit. */
  private static ParseResult tooDeep(SourceFile file, Span where, String what, CommonTokenStream tokens,
                                     Offsets offsets) {
    var problem = Diagnostic.of(Code.AEG112, where, what, Nesting.MAX)
        .withHint(Nesting.HINT);
    var empty = new AegisFile(file, null, List.of(), List.of(), new Span(file, 0, file.text().length()));
    return new ParseResult(empty, List.of(problem), comments(file, tokens, offsets));
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
