package aegis.types;

import aegis.syntax.Span;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Node;

/**
 * What a name, field or call resolved to: the language server shows it on hover and jumps to
 * {@link #span()}; the planner reads {@link #effect()} and {@link #declaration()}.
 *
 * @param type        the value's type; for a record or enum, the type itself; for a function, its
 *                    {@link Signature#type() function type}
 * @param doc         the {@code ///} documentation, or null
 * @param span        where the name is declared (its identifier), or null for built-in names
 * @param module      the declaring module's name, or null for names local to the file being checked
 * @param effect      for functions: what calling it does; {@code PURE} for everything else
 * @param signature   for functions, null for everything else (a record's fields are {@link RecordType#fields()})
 * @param declaration the declaring syntax node ({@code Decl.Fn}, {@code Stmt.Let}, {@code Decl.Param}, ...),
 *                    or null for built-in names and record fields
 */
public record Symbol(Kind kind, String name, Type type, String doc, Span span, String module,
                     Effect effect, Signature signature, Node declaration) {

  /** What sort of thing a name denotes. */
  public enum Kind {
    MODULE, RECORD, ENUM, ENUM_MEMBER, FIELD, FUNCTION, EXTERN_FUNCTION, PARAM, FUNCTION_PARAM, LET,
    LOOP_VARIABLE, LAMBDA_PARAM, TYPE_PARAM, BUILTIN_TYPE, RUNBOOK;

    /** Kinds whose symbols are values one can read (as opposed to types and modules). */
    public boolean isValue() {
      return switch (this) {
        case MODULE, RECORD, ENUM, TYPE_PARAM, BUILTIN_TYPE, RUNBOOK -> false;
        default -> true;
      };
    }
  }

  public Symbol {
    if (effect == null) effect = Effect.PURE;
  }

  static Symbol value(Kind kind, String name, Type type, String doc, Span span, String module, Node declaration) {
    return new Symbol(kind, name, type, doc, span, module, Effect.PURE, null, declaration);
  }

  public boolean isFunction() { return kind == Kind.FUNCTION || kind == Kind.EXTERN_FUNCTION; }

  /** One line that says what this is, for hover: {@code read fn get(url: String) -> http.Response}. */
  public String describe() {
    String qualified = Types.qualified(module, name);
    return switch (kind) {
      case FUNCTION, EXTERN_FUNCTION -> (kind == Kind.EXTERN_FUNCTION ? "extern " : "")
          + (effect == Effect.PURE ? "" : effect.keyword() + " ") + "fn " + qualified
          + (signature == null ? "" : signature.display());
      case RECORD -> "record " + type.display();
      case ENUM -> "enum " + type.display();
      case ENUM_MEMBER -> type.display() + "." + name;
      case FIELD -> name + ": " + type.display();
      case MODULE -> "module " + name;
      case PARAM -> "param " + name + ": " + type.display();
      case LET -> "let " + qualified + ": " + type.display();
      case FUNCTION_PARAM, LOOP_VARIABLE, LAMBDA_PARAM -> name + ": " + type.display();
      case TYPE_PARAM -> "type parameter " + name;
      case BUILTIN_TYPE -> "type " + name;
      case RUNBOOK -> "runbook " + name;
    };
  }
}
