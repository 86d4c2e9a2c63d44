package aegis.syntax;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.antlr.Aegis;
import aegis.syntax.antlr.AegisLexer;
import aegis.syntax.ast.AegisFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one way into the language: text in, {@link ParseResult} out. Runs ANTLR with SLL prediction
 * and no error recovery first (fast), and again with error recovery only when that fails, so that a
 * broken file still yields every syntax error and a partial tree.
 * Nothing outside {@code aegis.syntax} sees an ANTLR class. Never throws on any text: input nested
 * deeper than {@link Nesting#MAX} levels is one AEG112 diagnostic (see {@link Nesting}).
 */
public final class Parser {
  private Parser() {}

  public static ParseResult parse(SourceFile file) {
    var offsets = new Offsets(file.text());
    var lexer = new Scanner(file.text(), file.name());
    CommonTokenStream tokens = new FilledTokenStream(lexer, file.text().length());
    var tooDeep = Nesting.firstTooDeep(tokens.getTokens());
    if (tooDeep != null) return tooDeep(file, offsets.span(file, tooDeep.at()), tooDeep.what(), tokens, offsets);

    var parser = new BoundedParser(tokens);
    parser.removeErrorListeners();
    Parsed parsed;
    try {
      parsed = parseTree(file, offsets, parser, tokens);
    } catch (BoundedParser.TooDeep deep) {
      // Brackets are within the limit, but a chain without them (`a ?? b ?? ...`, `x -> x -> ...`,
      // `else if` hundreds long) is not, or predicting how to read it took too long.
      return tooDeep(file, offsets.span(file, deep.at), "expressions and blocks", tokens, offsets);
    } catch (StackOverflowError deep) {
      // Only on a thread with a stack far smaller than the JVM's default. Like trino's SqlParser,
      // report it where the parser stood; the half-built tree is dropped.
      return tooDeep(file, offsets.span(file, parser.getCurrentToken()), "expressions and blocks", tokens, offsets);
    }

    var diagnostics = new ArrayList<Diagnostic>(parsed.errors().diagnostics());
    var builder = new AstBuilder(file, tokens, offsets, diagnostics);
    var ast = builder.file(parsed.tree());
    return new ParseResult(ast, diagnostics, comments(file, tokens, offsets));
  }

  /** A parse tree and the syntax errors of the attempt that made it. */
  private record Parsed(Aegis.FileContext tree, SyntaxErrorListener errors) {}

  /**
   * SLL prediction without recovery first: it reads a correct file quickly and stops at the first
   * error. Then SLL again, with recovery, to report every error. Not full LL, as ANTLR's two-stage
   * recipe has it: after a syntax error, full-LL prediction may look ahead over the rest of the file
   * at each level of a long chain (a statement may start with `-`, `(` or `[`, so where an
   * expression ends is ambiguous across lines), with a context stack as deep as the chain; a fuzzed
   * 17 KB file took 22 s that way, 5 ms with SLL. SLL is exact for this grammar:
   * {@code SllIsExactTest} checks that SLL and LL accept the same texts.
   */
  private static Parsed parseTree(SourceFile file, Offsets offsets, BoundedParser parser, CommonTokenStream tokens) {
    try {
      return attempt(file, offsets, parser, tokens, false);
    } catch (ParseCancellationException hasErrors) {
      return attempt(file, offsets, parser, tokens, true);
    }
  }

  private static Parsed attempt(SourceFile file, Offsets offsets, BoundedParser parser, CommonTokenStream tokens,
                                boolean recover) {
    tokens.seek(0);
    parser.reset();
    parser.removeErrorListeners();
    var errors = new SyntaxErrorListener(file, offsets, parser.getVocabulary());
    if (recover) parser.addErrorListener(errors);
    parser.setErrorHandler(recover ? new DefaultErrorStrategy() : new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.decideOperatorsByPrecedence(!recover);
    try {
      return new Parsed(parser.file(), errors);
    } catch (SyntaxErrorListener.TooMany stopped) {
      // The tree read so far: partial, as after any recovery, which the AST builder expects.
      return new Parsed((Aegis.FileContext) stopped.tree, errors);
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
