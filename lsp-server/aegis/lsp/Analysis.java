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
 * The tokens are lexed on first use: publishing diagnostics, the path that runs after every
 * edit, does not need them.
 */
public final class Analysis {
  private final OpenDocument document;
  private final CheckedProgram program;
  private final List<Comment> comments;
  private final String stdlibModule;
  private volatile List<Tokens.Tok> tokens;

  /** @param stdlibModule the stdlib module this document is a read-only copy of, or null */
  public Analysis(OpenDocument document, CheckedProgram program, List<Comment> comments, String stdlibModule) {
    this.document = document;
    this.program = program;
    this.comments = List.copyOf(comments);
    this.stdlibModule = stdlibModule;
  }

  public OpenDocument document() { return document; }

  public CheckedProgram program() { return program; }

  public List<Comment> comments() { return comments; }

  public String stdlibModule() { return stdlibModule; }

  /** Every token of the text, whitespace and comments included (see {@link Tokens#lex}). */
  public List<Tokens.Tok> tokens() {
    var known = tokens;
    if (known == null) tokens = known = List.copyOf(Tokens.lex(program.source()));
    return known;
  }

  public SourceFile source() { return program.source(); }

  public AegisFile ast() { return program.ast(); }

  public String uri() { return document.uri(); }

  public int version() { return document.version(); }
}
