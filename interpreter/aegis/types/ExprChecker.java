package aegis.types;

import aegis.diagnostics.Code;
import aegis.syntax.Span;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Ident;
import aegis.types.Type.FunctionType;
import aegis.types.Type.ListType;
import aegis.types.Type.MapType;
import aegis.types.Type.ModuleType;
import aegis.types.Type.OptionalType;
import aegis.types.Type.Prim;
import aegis.types.Type.TypeVar;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks expressions bidirectionally: {@link #check} infers a type, using the expected type (when
 * there is one) to decide what literals mean ({@code 10m}, {@code []}, {@code null}, lambdas);
 * {@link #expect} also reports when the result does not fit. An expression of {@link Type#ERROR}
 * type never causes another diagnostic.
 */
final class ExprChecker {
  /** A name that denotes a module or a type rather than a value. */
  sealed interface StaticRef {}

  record ModuleRef(ModuleInfo module, Symbol symbol) implements StaticRef {}

  record TypeName(Symbol symbol) implements StaticRef {}

  /** A module whose import failed (already reported): everything reached through it is an error, quietly. */
  record Broken() implements StaticRef {}

  final FileContext fc;
  final TypeResolver types;
  final Literals literals;
  final Operators operators;
  final CallChecker calls;

  ExprChecker(FileContext fc, TypeResolver types) {
    this.fc = fc;
    this.types = types;
    this.literals = new Literals(this);
    this.operators = new Operators(this);
    this.calls = new CallChecker(this);
  }

  /** Infers {@code e}'s type (with {@code expected} as a hint, may be null) and records it. */
  Type check(Expr e, Type expected, Ctx ctx) {
    Type t = switch (e) {
      case Expr.IntLit i -> hint(expected) == Prim.QUANTITY ? Prim.QUANTITY : Prim.INT;
      case Expr.FloatLit f -> hint(expected) == Prim.QUANTITY ? Prim.QUANTITY : Prim.FLOAT;
      case Expr.UnitLit u -> literals.unit(u, expected);
      case Expr.BoolLit b -> Prim.BOOL;
      case Expr.NullLit n -> expected instanceof OptionalType o && !Types.containsVar(o) ? o : Type.NULL;
      case Expr.StringLit s -> literals.string(s, ctx);
      case Expr.Name n -> name(n, expected, ctx);
      case Expr.Field f -> field(f, expected, ctx);
      case Expr.Call c -> calls.call(c, expected, ctx);
      case Expr.Index i -> index(i, ctx);
      case Expr.Unary u -> operators.unary(u, expected, ctx);
      case Expr.Binary b -> operators.binary(b, expected, ctx);
      case Expr.If i -> ifExpr(i, expected, ctx);
      case Expr.Lambda l -> lambda(l, expected, ctx);
      case Expr.ListLit l -> literals.list(l, expected, ctx);
      case Expr.MapLit m -> literals.map(m, expected, ctx);
      case Expr.Error err -> Type.ERROR;
    };
    return fc.record(e, t);
  }

  /** Checks {@code e} against {@code expected} and reports a mismatch; {@code what} names the place ("argument `x` of `f`"). */
  Type expect(Expr e, Type expected, Ctx ctx, String what) {
    Type t = check(e, expected, ctx);
    if (expected != null && !Types.containsVar(expected) && !Types.assignable(t, expected)) {
      mismatch(e, t, expected, what);
    }
    return t;
  }

  /** The expected type as far as literals care: without {@code ?}, and null when unknown. */
  static Type hint(Type expected) {
    if (expected == null) return null;
    Type t = Types.nonNull(expected);
    return t instanceof TypeVar || Types.isError(t) ? null : t;
  }

  /** Reports that {@code e} of type {@code actual} cannot be used where {@code expected} is needed. */
  void mismatch(Expr e, Type actual, Type expected, String what) {
    if (Types.isError(actual) || Types.isError(expected)) return;
    String where = what == null ? "" : what + ": ";
    Span span = e.span();
    if (Types.containsSecret(actual) && !Types.containsSecret(expected)) {
      String message = actual == Prim.SECRET
          ? (what == null ? "a Secret cannot be used where `" + expected.display() + "` is expected"
              : what + " would disclose a Secret")
          : where + "`" + actual.display() + "` holds a Secret, which cannot be used where `" + expected.display()
              + "` is expected";
      fc.error(Code.AEG209, span, message, "a Secret may only go where a `Secret` is expected");
      return;
    }
    if (actual instanceof OptionalType o && Types.assignable(o.inner(), expected)) {
      fc.error(Code.AEG214, span, where + Code.AEG214.format(FileContext.describe(e)),
          "give a fallback with `??`, e.g. `" + e.span().text().strip() + " ?? ...`");
      return;
    }
    if (actual instanceof Type.UnitType) {
      fc.error(Code.AEG202, span, where + FileContext.describe(e) + " returns nothing, but a `"
          + expected.display() + "` is expected");
      return;
    }
    var hints = new ArrayList<String>();
    if (actual == Prim.INT && expected == Prim.FLOAT) {
      hints.add(e instanceof Expr.IntLit ? "write it as a Float: `" + e.span().text() + ".0`" : "convert it with `toFloat(...)`");
    } else if (e instanceof Expr.IntLit && expected == Prim.DURATION) {
      hints.add("give it a unit, e.g. `" + e.span().text() + "s`");
    } else if (expected == Prim.STRING && Types.isScalar(actual)) {
      hints.add("make it a string with interpolation: `\"${...}\"`");
    } else if (actual == Type.NULL) {
      hints.add("declare the type as `" + expected.display() + "?` if it may be missing");
    }
    String found = actual == Type.NULL ? "`null`" : "`" + actual.display() + "`";
    fc.error(Code.AEG202, span, where + "expected `" + expected.display() + "`, found " + found,
        hints.toArray(String[]::new));
  }

  // ------------------------------------------------------------------ names

  private Type name(Expr.Name n, Type expected, Ctx ctx) {
    var b = ctx.scope().lookup(n.name());
    if (b == null) return unknownName(n.name(), n.span(), ctx.scope());
    b.markUsed();
    var s = b.symbol();
    fc.bind(n, s);
    if (s.isFunction()) return functionValue(s, expected, n.span(), ctx);
    if (!s.kind().isValue()) return typeAsValue(n.span(), s);
    return s.type();
  }

  /** Reports an unknown name, suggesting a close one or the import it needs. */
  Type unknownName(String name, Span span, Scope scope) {
    var hint = fc.session.registry().loader().stdlibNames().contains(name)
        ? "add `import " + name + "` at the top of the file"
        : Suggestions.didYouMean(name, scope.visibleNames());
    if (hint == null) hint = moduleToImport(name);
    fc.error(Code.AEG201, span, Code.AEG201.format(name), hint == null ? new String[0] : new String[] {hint});
    return Type.ERROR;
  }

  /** "did you mean `http`? it needs `import http`" when a misspelt name is close to a stdlib module. */
  String moduleToImport(String name) {
    var near = Suggestions.closest(name, fc.session.registry().stdlibNames());
    return near == null ? null : "did you mean `" + near + "`? it needs `import " + near + "`";
  }

  /** A module, record or enum name where a value is needed. */
  Type typeAsValue(Span span, Symbol s) {
    if (Types.isError(s.type())) return Type.ERROR;
    String message = switch (s.kind()) {
      case MODULE -> "`" + span.text() + "` is a module, not a value; use one of its members, e.g. `"
          + span.text() + ".name`";
      case RECORD -> "`" + span.text() + "` is a record type, not a value; build one with `" + span.text() + "(...)`";
      case ENUM -> "`" + span.text() + "` is an enum type, not a value; use one of its members, e.g. `" + span.text()
          + "." + ((EnumType) s.type()).members().stream().findFirst().map(EnumType.Member::name).orElse("X") + "`";
      default -> "`" + span.text() + "` is not a value";
    };
    fc.error(Code.AEG202, span, message);
    return Type.ERROR;
  }

  /** A function used as a value ({@code xs.map(serviceUrl)}): its type, instantiated from the expected type if generic. */
  private Type functionValue(Symbol fn, Type expected, Span span, Ctx ctx) {
    calls.effect(fn, span, ctx);
    var sig = fn.signature();
    if (sig.typeParams().isEmpty()) return sig.type();
    var inst = Unifier.instantiate(sig.typeParams());
    var u = new Unifier();
    Type t = Types.substitute(sig.type(), inst);
    if (expected instanceof FunctionType && !Types.containsVar(expected)) u.unify(t, expected);
    t = u.apply(t);
    if (Types.containsVar(t)) {
      fc.error(Code.AEG222, span, "cannot infer the type arguments of `" + span.text() + "` here",
          "use it where a function type is expected, or wrap it in a lambda");
      return Type.ERROR;
    }
    return t;
  }

  /** Resolves {@code e} as a module or type name ({@code k8s}, {@code Severity}, {@code k8s.Phase}); null for values. */
  StaticRef resolveStatic(Expr e, Ctx ctx) {
    switch (e) {
      case Expr.Name n -> {
        var b = ctx.scope().lookup(n.name());
        if (b == null) return null;
        var s = b.symbol();
        if (s.kind() == Symbol.Kind.MODULE) {
          b.markUsed();
          fc.bind(n, s);
          fc.record(n, s.type());
          return s.type() instanceof ModuleType mt ? new ModuleRef(mt.module(), s) : new Broken();
        }
        if (s.kind() == Symbol.Kind.RECORD || s.kind() == Symbol.Kind.ENUM) {
          b.markUsed();
          fc.bind(n, s);
          return new TypeName(s);
        }
        return null;
      }
      case Expr.Field f when !f.safe() -> {
        var target = resolveStatic(f.target(), ctx);
        if (target instanceof Broken) return target;
        if (target instanceof ModuleRef m) {
          var s = m.module().member(f.field().name());
          if (s != null && (s.kind() == Symbol.Kind.RECORD || s.kind() == Symbol.Kind.ENUM)) {
            fc.bind(f.field(), s);
            fc.bind(f, s);
            return new TypeName(s);
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** The member {@code name} of a module, or an unknown-name error with a suggestion (null returned). */
  Symbol moduleMember(ModuleRef m, Ident name) {
    var s = m.module().member(name.name());
    if (s != null) {
      fc.bind(name, s);
      return s;
    }
    var near = Suggestions.closest(name.name(), m.module().declarations().stream().map(Symbol::name).toList());
    String alias = m.symbol().name();
    fc.error(Code.AEG201, name.span(), Code.AEG201.format(alias + "." + name.name()),
        near == null ? new String[0] : new String[] {"did you mean `" + alias + "." + near + "`?"});
    return null;
  }

  // ------------------------------------------------------------------ fields and indexing

  private Type field(Expr.Field f, Type expected, Ctx ctx) {
    var st = f.safe() ? null : resolveStatic(f.target(), ctx);
    if (st instanceof ModuleRef m) {
      var s = moduleMember(m, f.field());
      if (s == null) return Type.ERROR;
      fc.bind(f, s);
      if (s.isFunction()) return functionValue(s, expected, f.span(), ctx);
      if (!s.kind().isValue()) return typeAsValue(f.span(), s);
      return s.type();
    }
    if (st instanceof Broken) return Type.ERROR;
    if (st instanceof TypeName t) {
      if (t.symbol().type() instanceof EnumType e) return enumMember(e, f.field());
      fc.error(Code.AEG202, f.span(), "`" + f.target().span().text() + "` is a record type; `" + f.span().text()
          + "` is not a value");
      return Type.ERROR;
    }
    return memberOf(f, check(f.target(), null, ctx));
  }

  private Type enumMember(EnumType e, Ident name) {
    var m = e.member(name.name());
    if (m == null) {
      var hint = Suggestions.didYouMean(name.name(), e.members().stream().map(EnumType.Member::name).toList());
      fc.error(Code.AEG203, name.span(), "enum `" + e.display() + "` has no member `" + name.name() + "`",
          hint == null ? new String[0] : new String[] {hint});
      return Type.ERROR;
    }
    fc.bind(name, new Symbol(Symbol.Kind.ENUM_MEMBER, m.name(), e, null, m.span(), e.module(), null, null, null));
    return e;
  }

  /** {@code target.field} or {@code target?.field} where the target is a value of type {@code t}. */
  private Type memberOf(Expr.Field f, Type t) {
    if (Types.isError(t)) return Type.ERROR;
    Type base = f.safe() ? Types.nonNull(t) : t;
    if (!f.safe() && t instanceof OptionalType o && o.inner() instanceof RecordType r
        && r.field(f.field().name()) != null) {
      fc.error(Code.AEG214, f.target().span(), Code.AEG214.format(FileContext.describe(f.target())),
          "write `" + f.target().span().text() + "?." + f.field().name() + "`");
      base = o.inner();
    }
    if (base instanceof RecordType r) {
      var field = r.field(f.field().name());
      if (field != null) {
        fc.bind(f.field(), fieldSymbol(r, field));
        return f.safe() ? Types.optional(field.type()) : field.type();
      }
    }
    unknownField(f.field(), base, false);
    return Type.ERROR;
  }

  /** Reports a field (or, for a call, a field or function) that {@code base} does not have. */
  void unknownField(Ident name, Type base, boolean call) {
    var candidates = new ArrayList<String>();
    if (base instanceof RecordType r) for (var x : r.fields()) candidates.add(x.name());
    candidates.addAll(fc.methods.names(base));
    var hints = new ArrayList<String>();
    if (!call && fc.methods.find(base, name.name()).accepting() != null) {
      hints.add("`" + name.name() + "` is a function: call it, `." + name.name() + "()`");
    } else {
      var near = Suggestions.didYouMean(name.name(), candidates);
      if (near != null) hints.add(near);
    }
    String what = "`" + base.display() + "`";
    String message = call ? what + " has no field or function `" + name.name() + "`" : Code.AEG203.format(what, name.name());
    fc.error(Code.AEG203, name.span(), message, hints.toArray(String[]::new));
  }

  static Symbol fieldSymbol(RecordType r, RecordType.Field field) {
    return new Symbol(Symbol.Kind.FIELD, field.name(), field.type(), field.doc(), field.span(), r.module(), null, null,
        null);
  }

  private Type index(Expr.Index i, Ctx ctx) {
    Type t = check(i.target(), null, ctx);
    if (Types.isError(t)) {
      check(i.index(), null, ctx);
      return Type.ERROR;
    }
    Type base = t;
    if (t instanceof OptionalType o) {
      fc.error(Code.AEG214, i.target().span(), Code.AEG214.format(FileContext.describe(i.target())));
      base = o.inner();
    }
    return switch (base) {
      case ListType l -> {
        expect(i.index(), Prim.INT, ctx, "a list index");
        yield l.element();
      }
      case MapType m -> {
        expect(i.index(), Prim.STRING, ctx, "a map key");
        yield Types.optional(m.value());
      }
      default -> {
        check(i.index(), null, ctx);
        fc.error(Code.AEG202, i.target().span(), "`" + base.display() + "` cannot be indexed; only lists and maps can");
        yield Type.ERROR;
      }
    };
  }

  // ------------------------------------------------------------------ if and lambdas

  private Type ifExpr(Expr.If i, Type expected, Ctx ctx) {
    expect(i.condition(), Prim.BOOL, ctx, "the condition of `if`");
    var constant = Constants.bool(i.condition());
    if (constant != null) {
      var dead = constant ? i.otherwise() : i.then();
      fc.report(Code.AEG216, dead.span(), "the condition is always " + constant);
    }
    Type a = check(i.then(), expected, ctx);
    Type b = check(i.otherwise(), expected != null ? expected : (a == Type.NULL ? null : a), ctx);
    if (Types.isError(a) || Types.isError(b)) return Type.ERROR;
    if (Types.assignable(a, b) && !(b instanceof Type.NullType)) return b;
    if (Types.assignable(b, a) && !(a instanceof Type.NullType)) return a;
    if (a == Type.NULL) return Types.optional(b);
    if (b == Type.NULL) return Types.optional(a);
    fc.error(Code.AEG202, i.span(), "the branches of this `if` have different types, `" + a.display() + "` and `"
        + b.display() + "`");
    return Type.ERROR;
  }

  private Type lambda(Expr.Lambda l, Type expected, Ctx ctx) {
    if (expected instanceof FunctionType ft && ft.params().stream().noneMatch(Types::containsVar)) {
      return checkLambda(l, ft, ctx);
    }
    if (expected == null || expected instanceof TypeVar || expected instanceof FunctionType) {
      fc.error(Code.AEG222, l.span(), "cannot infer the parameter types of this lambda",
          "use it where a function type is expected, e.g. as an argument of `filter` or `map`");
    } else if (!Types.isError(expected)) {
      fc.error(Code.AEG202, l.span(), "a function cannot be used where `" + expected.display() + "` is expected");
    }
    lambdaWithUnknownParams(l, ctx);
    return Type.ERROR;
  }

  /** Checks a lambda whose parameter types are known from {@code ft}; returns its function type. */
  Type checkLambda(Expr.Lambda l, FunctionType ft, Ctx ctx) {
    if (l.params().size() != ft.params().size()) {
      fc.error(Code.AEG202, l.span(), "this lambda takes " + count(l.params().size(), "parameter") + ", but `"
          + ft.display() + "` takes " + ft.params().size());
      lambdaWithUnknownParams(l, ctx);
      return fc.record(l, Type.ERROR);
    }
    var params = new ArrayList<Type>();
    for (var p : ft.params()) params.add(p);
    var scope = lambdaScope(l, params, ctx);
    var inner = ctx.withScope(scope);
    Type result = ft.result();
    Type body;
    if (result instanceof Type.UnitType) {
      check(l.body(), null, inner);
      body = Type.UNIT;
    } else if (Types.containsVar(result)) {
      body = check(l.body(), result, inner);
    } else {
      Type actual = expect(l.body(), result, inner, "the result of this lambda");
      body = Types.assignable(actual, result) ? result : Type.ERROR;
    }
    return fc.record(l, new FunctionType(params, body));
  }

  /** Checks a lambda's body with parameters of unknown type, so that the errors inside it still show. */
  void lambdaWithUnknownParams(Expr.Lambda l, Ctx ctx) {
    var params = new ArrayList<Type>();
    for (int i = 0; i < l.params().size(); i++) params.add(Type.ERROR);
    check(l.body(), null, ctx.withScope(lambdaScope(l, params, ctx)));
    fc.record(l, Type.ERROR);
  }

  private Scope lambdaScope(Expr.Lambda l, List<Type> params, Ctx ctx) {
    var scope = ctx.scope().child(l.span());
    fc.facts.scopes.add(scope);
    for (int i = 0; i < l.params().size(); i++) {
      var p = l.params().get(i);
      var sym = Symbol.value(Symbol.Kind.LAMBDA_PARAM, p.name(), params.get(i), null, p.span(), null, p);
      Declare.local(fc, scope, p, sym, Binding.Unused.IGNORE);
    }
    return scope;
  }

  static String count(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

  /** Whether an effect changes systems (and so belongs inside a step). */
  static boolean writes(Effect e) { return e.compareTo(Effect.WRITE) >= 0; }
}
