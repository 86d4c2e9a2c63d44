package aegis.lsp;

import aegis.syntax.Comment;
import aegis.syntax.SourceFile;
import aegis.syntax.Tokens;
import aegis.syntax.ast.AegisFile;
import aegis.types.CheckedProgram;
import java.util.List;

/**
 * Everything known about one version of a document: the checked program (its tree, diagnostics,
 * types and symbols), the comments and the tokens. Every feature reads this; nothing re-parses.
 *
 * @param stdlibModule the stdlib module this document is a read-only copy of, or null
 */
public record Analysis(OpenDocument document, CheckedProgram program, List<Comment> comments, List<Tokens.Tok> tokens,
                       String stdlibModule) {
  public Analysis {
    comments = List.copyOf(comments);
    tokens = List.copyOf(tokens);
  }

  public SourceFile source() { return program.source(); }

  public AegisFile ast() { return program.ast(); }

  public String uri() { return document.uri(); }

  public int version() { return document.version(); }
}
