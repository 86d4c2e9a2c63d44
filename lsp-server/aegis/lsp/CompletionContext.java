package aegis.lsp;

import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;

/**
 * Where the cursor is, worked out before deciding what to offer (as Bicep does): the kind of
 * place, the word typed so far, and the syntax that matters there.
 *
 * @param prefix   the part of the word before the cursor that completion replaces
 * @param replace  the span of that word (empty at the cursor when nothing is typed yet)
 * @param receiver for {@link Kind#MEMBER}: the expression before the dot
 * @param call     for {@link Kind#ARGUMENT}: the call, {@code run}, {@code retry(...)} or {@code parallel(...)}
 *                 whose argument list holds the cursor
 * @param inStep   the cursor is inside a step (no nested step may start there)
 * @param typeOnly for {@link Kind#MEMBER}: the dot is in a type ({@code k8s.|} after {@code param p:})
 */
public record CompletionContext(Kind kind, int offset, String prefix, Span replace, Expr receiver, Node call,
                                boolean inStep, boolean typeOnly) {

  /** The kinds of place completion tells apart. */
  public enum Kind {
    /** Nothing to offer: in a comment, a number, or where a new name is being declared. */
    NONE,
    /** The file's top level: header, imports, params, declarations and statements. */
    TOP_LEVEL,
    /** Where a statement may start inside a block. */
    STATEMENT,
    /** Where an expression is expected. */
    EXPRESSION,
    /** After {@code x.} or {@code x?.}: fields, methods, module members or enum members. */
    MEMBER,
    /** Where a type is expected ({@code param p: |}, {@code -> |}, {@code List<|}). */
    TYPE,
    /** After {@code import}: stdlib module names. */
    IMPORT_MODULE,
    /** Inside the string of {@code import "..."}: module files next to this one. */
    IMPORT_PATH,
    /** After {@code run}: runbooks next to this one. */
    RUN_TARGET,
    /** At an argument of a call: named arguments, then expressions. */
    ARGUMENT,
    /** Inside a string literal (environment names where an environment's name is compared). */
    STRING
  }
}
