package aegis.syntax;

import aegis.diagnostics.Diagnostic;
import aegis.syntax.ast.AegisFile;
import java.util.List;

/**
 * What the parser gives back: always a tree (partial where the text was broken), every syntax
 * diagnostic of the file, and every comment (for the formatter and the language server).
 */
public record ParseResult(AegisFile ast, List<Diagnostic> diagnostics, List<Comment> comments) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
    comments = List.copyOf(comments);
  }

  public boolean hasErrors() { return diagnostics.stream().anyMatch(Diagnostic::isError); }
}
