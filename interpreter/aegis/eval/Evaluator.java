package aegis.eval;

import aegis.adapters.Args;
import aegis.diagnostics.Code;
import aegis.syntax.Span;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Stmt;
import aegis.syntax.ast.StringPart;
import aegis.types.CheckedProgram;
import aegis.types.ModuleInfo;
import aegis.types.RecordType;
import aegis.types.ResolvedCall;
import aegis.types.Signature;
import aegis.types.Symbol;
import aegis.types.Type;
import aegis.types.Types;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates checked expressions. It never resolves a name itself: every name, field and call is
 * looked up in the {@link CheckedProgram} the expression belongs to. Unknown values ("known after
 * apply") flow through every operation; the only way out to the world is {@link ExternCalls}.
 */
public final class Evaluator {
  private final ExternCalls externs;
  private final Function<String, ModuleInfo> modules;
  private final Map<Object, Value> constants;
  private final CheckedProgram current;

  /**
   * @param modules finds a module by name ({@code core}, {@code k8s}, or a file module's name), for
   *                functions, constants and default values declared there
   * @param main    the file being run: names declared in it belong to no module
   */
  public Evaluator(ExternCalls externs, Function<String, ModuleInfo> modules, CheckedProgram main) {
    this(externs, modules, main, new IdentityHashMap<>());
  }

  private Evaluator(ExternCalls externs, Function<String, ModuleInfo> modules, CheckedProgram main,
                    Map<Object, Value> constants) {
    this.externs = externs;
    this.modules = modules;
    this.current = main;
    this.constants = constants;
  }

  /** An evaluator for another runbook ({@code run}), sharing module constants with this one. */
  public Evaluator forProgram(CheckedProgram main) {
    return new Evaluator(externs, modules, main, constants);
  }

  public Value eval(CheckedProgram p, Expr e, Env env) {
    return switch (e) {
      case Expr.IntLit i -> new Value.Int(i.value());
      case Expr.FloatLit f -> new Value.Float(f.value());
      case Expr.BoolLit b -> Value.Bool.of(b.value());
      case Expr.NullLit n -> Value.Null.INSTANCE;
      case Expr.UnitLit u -> unit(p, u);
      case Expr.StringLit s -> string(p, s, env);
      case Expr.Name n -> name(p, n, env);
      case Expr.Field f -> field(p, f, env);
      case Expr.Call c -> call(p, c, env);
      case Expr.Index i -> index(p, i, env);
      case Expr.Unary u -> unary(p, u, env);
      case Expr.Binary b -> binary(p, b, env);
      case Expr.If i -> {
        Value cond = eval(p, i.condition(), env);
        if (cond instanceof Value.Unknown u) yield u;
        yield eval(p, ((Value.Bool) cond).value() ? i.then() : i.otherwise(), env);
      }
      case Expr.Lambda l -> lambda(p, l, env);
      case Expr.ListLit l -> {
        var items = new ArrayList<Value>(l.items().size());
        for (var item : l.items()) items.add(eval(p, item, env));
        yield new Value.ListV(items);
      }
      case Expr.MapLit m -> {
        var entries = new LinkedHashMap<String, Value>();
        for (var entry : m.entries()) {
          Value key = eval(p, entry.key(), env);
          if (key instanceof Value.Unknown u) yield u;
          entries.put(((Value.Str) key).value(), eval(p, entry.value(), env));
        }
        yield new Value.MapV(entries);
      }
      case Expr.Error err -> throw EvalException.at(err.span(), Code.AEG400, "this expression has errors");
    };
  }

  /** Evaluates a condition; the result is a {@link Value.Bool} or {@link Value.Unknown}. */
  public Value condition(CheckedProgram p, Expr e, Env env) {
    return eval(p, e, env);
  }

  // ------------------------------------------------------------------ literals

  private static Value unit(CheckedProgram p, Expr.UnitLit u) {
    Type t = Types.nonNull(p.typeOf(u));
    if (t == Type.QUANTITY) return Quantities.quantity(u.value(), u.unit());
    return new Value.Dur(Quantities.duration(u.value(), u.unit()));
  }

  private Value string(CheckedProgram p, Expr.StringLit s, Env env) {
    var sb = new StringBuilder();
    for (var part : s.parts()) {
      switch (part) {
        case StringPart.Text t -> sb.append(t.text());
        case StringPart.Interpolation i -> {
          Value v = eval(p, i.expr(), env);
          if (v instanceof Value.Unknown u) return u;
          sb.append(v.show());
        }
      }
    }
    return new Value.Str(sb.toString());
  }

  // ------------------------------------------------------------------ names and fields

  private Value name(CheckedProgram p, Expr.Name n, Env env) {
    Symbol s = p.symbolOf(n);
    if (s == null) throw EvalException.at(n.span(), Code.AEG400, "`" + n.name() + "` was not resolved");
    return symbolValue(p, s, n.span(), env);
  }

  private Value symbolValue(CheckedProgram p, Symbol s, Span site, Env env) {
    return switch (s.kind()) {
      case ENUM_MEMBER -> new Value.EnumV(s.type().display(), s.name());
      case FUNCTION, EXTERN_FUNCTION -> functionValue(p, s, site);
      case LET -> {
        Value local = env == null ? null : env.lookup(s.name());
        yield local != null ? local : constant(s, site);
      }
      default -> {
        Value local = env == null ? null : env.lookup(s.name());
        if (local == null) throw EvalException.at(site, Code.AEG400, "`" + s.name() + "` has no value here");
        yield local;
      }
    };
  }

  /** A module-level {@code let}: evaluated once, in its own module. */
  private Value constant(Symbol s, Span site) {
    var cached = constants.get(s.declaration());
    if (cached != null) return cached;
    if (!(s.declaration() instanceof Stmt.Let let)) {
      throw EvalException.at(site, Code.AEG400, "`" + s.name() + "` has no value here");
    }
    Value v = eval(programOf(s), let.value(), Env.root());
    constants.put(s.declaration(), v);
    return v;
  }

  private Value field(CheckedProgram p, Expr.Field f, Env env) {
    Symbol s = p.symbolOf(f.field());
    if (s != null && s.kind() != Symbol.Kind.FIELD) return symbolValue(p, s, f.span(), null);
    Value target = eval(p, f.target(), env);
    return switch (target) {
      case Value.Unknown u -> u;
      case Value.Null n when f.safe() -> n;
      case Value.Rec r -> r.get(f.field().name());
      default -> throw EvalException.at(f.span(), Code.AEG400,
          "cannot read `" + f.field().name() + "` of " + target.show());
    };
  }

  private Value index(CheckedProgram p, Expr.Index i, Env env) {
    Value target = eval(p, i.target(), env);
    Value index = eval(p, i.index(), env);
    if (target instanceof Value.Unknown u) return u;
    if (index instanceof Value.Unknown u) return u;
    return switch (target) {
      case Value.ListV l -> {
        long at = ((Value.Int) index).value();
        if (at < 0 || at >= l.items().size()) {
          throw EvalException.at(i.span(), Code.AEG400, "index " + at + " is out of range (the list has "
              + l.items().size() + " item" + (l.items().size() == 1 ? "" : "s") + ")");
        }
        yield l.items().get((int) at);
      }
      case Value.MapV m -> m.entries().getOrDefault(((Value.Str) index).value(), Value.Null.INSTANCE);
      default -> throw EvalException.at(i.span(), Code.AEG400, "cannot index " + target.show());
    };
  }

  // ------------------------------------------------------------------ operators

  private Value unary(CheckedProgram p, Expr.Unary u, Env env) {
    Value v = eval(p, u.operand(), env);
    return switch (v) {
      case Value.Unknown unknown -> unknown;
      case Value.Bool b when u.op() == Expr.UnaryOp.NOT -> Value.Bool.of(!b.value());
      case Value.Int i when u.op() == Expr.UnaryOp.NEG -> new Value.Int(-i.value());
      case Value.Float f when u.op() == Expr.UnaryOp.NEG -> new Value.Float(-f.value());
      case Value.Dur d when u.op() == Expr.UnaryOp.NEG -> new Value.Dur(d.value().negated());
      default -> throw EvalException.at(u.span(), Code.AEG400, "`" + u.op().symbol + "` does not apply to " + v.show());
    };
  }

  private Value binary(CheckedProgram p, Expr.Binary b, Env env) {
    return switch (b.op()) {
      // Short-circuit: the right operand is evaluated only once the left is known. A left operand
      // known only after apply leaves the result unknown, without evaluating the right now: its
      // reads would run before the apply they follow (`rollout.complete && probes.isUp(...)` read
      // health before the patch, found it down, and planned the rollback as certain).
      case AND -> {
        Value l = eval(p, b.left(), env);
        if (l instanceof Value.Unknown || l instanceof Value.Bool lb && !lb.value()) yield l;
        yield eval(p, b.right(), env);
      }
      case OR -> {
        Value l = eval(p, b.left(), env);
        if (l instanceof Value.Unknown || l instanceof Value.Bool lb && lb.value()) yield l;
        yield eval(p, b.right(), env);
      }
      case COALESCE -> {
        Value l = eval(p, b.left(), env);
        yield l == Value.Null.INSTANCE ? eval(p, b.right(), env) : l;
      }
      default -> Operators.apply(b.op(), eval(p, b.left(), env), eval(p, b.right(), env), b.span());
    };
  }

  // ------------------------------------------------------------------ calls

  private Value call(CheckedProgram p, Expr.Call c, Env env) {
    ResolvedCall rc = p.callOf(c);
    if (rc == null) throw EvalException.at(c.span(), Code.AEG400, "this call was not resolved");
    return switch (rc.kind()) {
      case FUNCTION, METHOD -> {
        var values = arguments(p, rc.arguments(), rc.target().signature(), programOf(rc.target()), env);
        yield invoke(rc.target(), values, c.span());
      }
      case CONSTRUCTOR -> construct(p, rc, env);
      case WITH -> {
        Value receiver = eval(p, rc.receiver(), env);
        if (!(receiver instanceof Value.Rec rec)) yield receiver;
        var fields = new LinkedHashMap<>(rec.fields());
        var type = (RecordType) Types.nonNull(rc.type());
        for (int i = 0; i < type.fields().size(); i++) {
          Expr arg = i < rc.arguments().size() ? rc.arguments().get(i) : null;
          if (arg != null) fields.put(type.fields().get(i).name(), eval(p, arg, env));
        }
        yield new Value.Rec(rec.type(), fields);
      }
      case VALUE -> {
        Value callee = eval(p, c.callee(), env);
        if (callee instanceof Value.Unknown u) yield u;
        var values = new ArrayList<Value>();
        for (var a : rc.arguments()) values.add(a == null ? Value.Null.INSTANCE : eval(p, a, env));
        yield ((Value.Fn) callee).call(values);
      }
    };
  }

  private List<Value> arguments(CheckedProgram p, List<Expr> args, Signature sig, CheckedProgram declaring, Env env) {
    var values = new ArrayList<Value>(sig.params().size());
    for (int i = 0; i < sig.params().size(); i++) {
      Expr arg = i < args.size() ? args.get(i) : null;
      if (arg != null) values.add(eval(p, arg, env));
      else if (sig.params().get(i).hasDefault()) values.add(eval(declaring, sig.params().get(i).defaultValue(), Env.root()));
      else values.add(Value.Null.INSTANCE);
    }
    return values;
  }

  private Value construct(CheckedProgram p, ResolvedCall rc, Env env) {
    var type = (RecordType) Types.nonNull(rc.type());
    var fields = new LinkedHashMap<String, Value>();
    CheckedProgram declaring = moduleProgram(type.module(), p);
    for (int i = 0; i < type.fields().size(); i++) {
      var field = type.fields().get(i);
      Expr arg = i < rc.arguments().size() ? rc.arguments().get(i) : null;
      Value v;
      if (arg != null) v = eval(p, arg, env);
      else if (field.hasDefault()) v = eval(declaring, field.defaultValue(), Env.root());
      else v = Value.Null.INSTANCE;
      fields.put(field.name(), v);
    }
    return new Value.Rec(type.display(), fields);
  }

  /** Calls a function symbol with arguments in parameter order. */
  public Value invoke(Symbol fn, List<Value> values, Span site) {
    if (fn.kind() == Symbol.Kind.EXTERN_FUNCTION) {
      boolean changes = fn.effect() == Effect.WRITE || fn.effect() == Effect.DESTRUCTIVE;
      if (!changes) {
        for (var v : values) if (v instanceof Value.Unknown u) return u;
      }
      return externs.call(fn, new Args(fn.name(), values), site);
    }
    if (!(fn.declaration() instanceof Decl.Fn decl)) {
      throw EvalException.at(site, Code.AEG400, "`" + fn.name() + "` cannot be called");
    }
    var env = Env.root();
    for (int i = 0; i < decl.params().size(); i++) env.define(decl.params().get(i).name().name(), values.get(i));
    return eval(programOf(fn), decl.body(), env);
  }

  private Value functionValue(CheckedProgram p, Symbol s, Span site) {
    int arity = s.signature() == null ? 0 : s.signature().params().size();
    return new Value.Fn() {
      public int arity() { return arity; }

      public Value call(List<Value> args) { return invoke(s, args, site); }
    };
  }

  private Value lambda(CheckedProgram p, Expr.Lambda l, Env env) {
    return new Value.Fn() {
      public int arity() { return l.params().size(); }

      public Value call(List<Value> args) {
        var inner = env.child();
        for (int i = 0; i < l.params().size(); i++) {
          inner.define(l.params().get(i).name(), i < args.size() ? args.get(i) : Value.Null.INSTANCE);
        }
        return eval(p, l.body(), inner);
      }
    };
  }

  // ------------------------------------------------------------------ programs

  /** The program a symbol's declaration belongs to: its module's, or the file being run. */
  private CheckedProgram programOf(Symbol s) {
    return moduleProgram(s.module(), current);
  }

  private CheckedProgram moduleProgram(String module, CheckedProgram fallback) {
    if (module == null) return fallback;
    ModuleInfo info = modules.apply(module);
    return info == null || info.program() == null ? fallback : info.program();
  }
}
