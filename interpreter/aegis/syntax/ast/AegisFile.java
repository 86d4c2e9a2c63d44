package aegis.syntax.ast;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.util.List;

/**
 * One parsed file: a runbook, a module or an environment. {@code header} is null only when the
 * file had none (already reported).
 */
public record AegisFile(SourceFile source, Header header, List<ImportDecl> imports, List<Decl> decls, Span span)
    implements Node {
  public AegisFile {
    imports = List.copyOf(imports);
    decls = List.copyOf(decls);
  }

  /** What kind of file this is, from its header; {@code RUNBOOK} when the header is missing. */
  public Header.Kind kind() { return header == null ? Header.Kind.RUNBOOK : header.kind(); }
}
