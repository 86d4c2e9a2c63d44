package aegis.format;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.Comment;
import aegis.syntax.ParseResult;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Nodes;
import java.util.List;

/**
 * The canonical layout of aegis source, behind {@code aegis fmt} and the language server's
 * formatting: printed from the syntax tree (so the layout does not depend on how the text was
 * written), with every comment kept, and idempotent. The layout rules are in {@link DeclPrinter}
 * (declarations, statements, blank lines), {@link ExprPrinter} (expressions, lists, parentheses)
 * and {@link CommentPlacer} (comments).
 *
 * <p>A file with syntax errors is not formatted: its diagnostics are handed back instead. Before
 * giving out any text the formatter checks its own work: every comment printed exactly once, and
 * the text parses to the same tree with the same comments. If not (a formatter bug), it refuses with
 * {@link Code#AEG113} rather than change what the file means.
 */
public final class Formatter {
  /** Lines are kept within this many columns where the layout allows. */
  public static final int WIDTH = 100;

  private Formatter() {}

  /** Parses and formats a file. */
  public static FormatResult format(SourceFile file) { return format(Parser.parse(file)); }

  /** Formats a parsed file; refuses (with the parse diagnostics) when it has syntax errors. */
  public static FormatResult format(ParseResult parsed) {
    var file = parsed.ast().source();
    String original = file.text();
    if (parsed.hasErrors()) return new FormatResult(original, false, parsed.diagnostics());
    if (parsed.ast().header() == null || Nodes.descendants(parsed.ast()).stream().anyMatch(Expr.Error.class::isInstance)) {
      return refuse(original, file, "the file has parts that could not be parsed");
    }

    var source = new SourceText(original, parsed.comments());
    var comments = new CommentDocs(CommentPlacer.place(parsed.ast(), parsed.comments(), source), source);
    var exprs = new ExprPrinter(comments, source);
    String text = DocRenderer.render(new DeclPrinter(comments, exprs, source).file(parsed.ast()), WIDTH);

    int count = parsed.comments().size();
    if (comments.distinctPrinted() != count || comments.totalPrints() != count) {
      return refuse(original, file, "the formatter would print " + comments.totalPrints() + " comments of "
          + count + " (" + comments.distinctPrinted() + " distinct)");
    }
    String problem = verify(parsed, SourceFile.virtual(file.name(), text));
    if (problem != null) return refuse(original, file, problem);
    return new FormatResult(text, !text.equals(original), parsed.diagnostics());
  }

  /** Why the formatted text does not mean what the original meant, or null when it does. */
  private static String verify(ParseResult original, SourceFile formatted) {
    var again = Parser.parse(formatted);
    if (again.hasErrors()) {
      var first = again.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
      return "the formatted text would not parse (" + first.message() + " at " + first.span() + ")";
    }
    var difference = SyntaxEquivalence.difference(original.ast(), again.ast());
    if (difference.isPresent()) return "the formatted text would parse differently: " + difference.get();
    if (!texts(original.comments()).equals(texts(again.comments()))) return "the formatted text would change the comments";
    return null;
  }

  /**
   * The comments as the formatter prints them, sorted: a line comment that ends a line may move past
   * an inline comment when lines are joined, which is no loss.
   */
  static List<String> texts(List<Comment> comments) {
    return comments.stream().map(CommentDocs::normalized).sorted().toList();
  }

  private static FormatResult refuse(String original, SourceFile file, String why) {
    var d = Diagnostic.of(Code.AEG113, Span.fileStart(file), why)
        .withHint("this is a bug in `aegis fmt`; the file was left as it is");
    return new FormatResult(original, false, List.of(d));
  }
}
