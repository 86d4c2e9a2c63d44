package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.Span;
import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Effect;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Nodes;
import aegis.types.ExprChecker.ModuleRef;
import aegis.types.ExprChecker.TypeName;
import aegis.types.Type.FunctionType;
import aegis.types.Type.OptionalType;
import aegis.types.Type.Prim;
import aegis.types.Type.TypeVar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Calls: functions by name or through a module, method syntax ({@code x.f(a)} is {@code f(x, a)}),
 * record constructors, {@code r.with(...)}, and function values. Arguments are matched to
 * parameters (positional, then named, defaults), generic type variables are inferred from the
 * non-lambda arguments first and then used to type the lambdas.
 */
final class CallChecker {
  private final ExprChecker exprs;
  private final FileContext fc;

  CallChecker(ExprChecker exprs) {
    this.exprs = exprs;
    this.fc = exprs.fc;
  }

  Type call(Expr.Call c, Type expected, Ctx ctx) {
    return switch (c.callee()) {
      case Expr.Name n -> callName(c, n, expected, ctx);
      case Expr.Field f -> callField(c, f, expected, ctx);
      default -> callValue(c, exprs.check(c.callee(), null, ctx), null, ctx);
    };
  }

  private Type callName(Expr.Call c, Expr.Name n, Type expected, Ctx ctx) {
    var b = ctx.scope().lookup(n.name());
    if (b == null) {
      exprs.unknownName(n.name(), n.span(), ctx.scope());
      return loose(c, ctx);
    }
    b.markUsed();
    var s = b.symbol();
    fc.bind(n, s);
    return callSymbol(c, s, n.span(), expected, ctx);
  }

  private Type callSymbol(Expr.Call c, Symbol s, Span nameSpan, Type expected, Ctx ctx) {
    if (s.kind() == Symbol.Kind.RECORD) return construct(c, s, nameSpan, ctx);
    if (s.isFunction()) return callFunction(c, s, nameSpan, null, null, expected, ctx);
    if (!s.kind().isValue()) {
      String what = switch (s.kind()) {
        case MODULE -> "a module";
        case ENUM -> "an enum type";
        default -> "not a value";
      };
      return notCallable(c, "`" + nameSpan.text() + "` (" + what + ")", ctx);
    }
    fc.record(c.callee(), s.type());
    return callValue(c, s.type(), s, ctx);
  }

  private Type callField(Expr.Call c, Expr.Field f, Type expected, Ctx ctx) {
    var st = f.safe() ? null : exprs.resolveStatic(f.target(), ctx);
    if (st instanceof ModuleRef m) {
      var s = exprs.moduleMember(m, f.field());
      if (s == null) return loose(c, ctx);
      fc.bind(f, s);
      return callSymbol(c, s, f.span(), expected, ctx);
    }
    if (st instanceof ExprChecker.Broken) return loose(c, ctx);
    if (st instanceof TypeName) return notCallable(c, "`" + f.span().text() + "`", ctx);
    Type target = exprs.check(f.target(), null, ctx);
    if (Types.isError(target)) return loose(c, ctx);
    Type base = target;
    boolean safe = false;
    if (target instanceof OptionalType o) {
      if (!f.safe()) {
        fc.error(Code.AEG214, f.target().span(), Code.AEG214.format(FileContext.describe(f.target())),
            "write `" + f.target().span().text() + "?." + f.field().name() + "(...)`");
      }
      base = o.inner();
      safe = f.safe();
    }
    Type result = member(c, f, base, safe ? ExprChecker.hint(expected) : expected, ctx);
    return safe ? Types.optional(result) : result;
  }

  /** {@code x.f(args)} where {@code x} is a value of type {@code base}. */
  private Type member(Expr.Call c, Expr.Field f, Type base, Type expected, Ctx ctx) {
    String name = f.field().name();
    if (base instanceof RecordType r) {
      var field = r.field(name);
      if (field != null) {
        var sym = ExprChecker.fieldSymbol(r, field);
        fc.bind(f.field(), sym);
        fc.record(f, field.type());
        if (field.type() instanceof FunctionType) return callValue(c, field.type(), sym, ctx);
        return notCallable(c, "field `" + name + "` of `" + r.display() + "` (" + Types.a(field.type()) + ")", ctx);
      }
      if (name.equals("with")) return with(c, f, r, ctx);
    }
    var lookup = fc.methods.find(base, name);
    if (lookup.accepting() != null) {
      fc.bind(f.field(), lookup.accepting());
      return callFunction(c, lookup.accepting(), f.field().span(), f.target(), base, expected, ctx);
    }
    if (lookup.named() != null) {
      var first = lookup.named().signature().params();
      String takes = first.isEmpty() ? "no arguments" : Types.a(first.getFirst().type()) + " first";
      fc.error(Code.AEG202, f.field().span(), "`" + name + "` takes " + takes + ", not " + Types.a(base));
      return loose(c, ctx);
    }
    exprs.unknownField(f.field(), base, true);
    return loose(c, ctx);
  }

  // ------------------------------------------------------------------ functions

  /**
   * Checks a call of {@code fn}; {@code receiver} is {@code x} of {@code x.f(...)} (already checked,
   * of type {@code receiverType}) or null.
   */
  Type callFunction(Expr.Call c, Symbol fn, Span nameSpan, Expr receiver, Type receiverType, Type expected, Ctx ctx) {
    var sig = fn.signature();
    String fnName = "`" + Types.qualified(fn.module(), fn.name()) + "`";
    var slots = new Expr[sig.params().size()];
    int first = receiver == null ? 0 : 1;
    if (receiver != null) slots[0] = receiver;
    boolean bad = !matchArgs(c, sig, slots, first, fnName, ctx);

    var inst = Unifier.instantiate(sig.typeParams());
    var u = new Unifier();
    var params = sig.params().stream().map(p -> Types.substitute(p.type(), inst)).toList();
    Type result = Types.substitute(sig.result(), inst);
    if (receiver != null) u.unify(params.getFirst(), receiverType);

    for (int i = first; i < slots.length; i++) {
      var e = slots[i];
      if (e == null || e instanceof Expr.Lambda) continue;
      Type t = exprs.check(e, u.apply(params.get(i)), ctx);
      if (Types.isError(t)) bad = true;
      if (!u.unify(params.get(i), t)) {
        exprs.mismatch(e, t, u.apply(params.get(i)), "argument `" + sig.params().get(i).name() + "` of " + fnName);
        bad = true;
      }
    }
    if (expected != null && !Types.containsVar(expected) && Types.containsVar(u.apply(result))) {
      u.unify(result, expected);
    }
    for (int i = first; i < slots.length; i++) {
      if (slots[i] instanceof Expr.Lambda l && !lambdaArg(l, params.get(i), u, ctx)) bad = true;
    }

    result = u.apply(result);
    if (Types.containsVar(result)) {
      if (!bad) {
        fc.error(Code.AEG222, nameSpan, "cannot infer the type of " + fnName + "'s result here",
            "say what you expect, e.g. `let x: List<String> = ...`");
      }
      result = Type.ERROR;
    }
    if (!sig.typeParams().isEmpty()) {
      secretThroughGeneric(sig, inst, u, slots, fnName);
      settleTypes(slots, u);
    }
    effect(fn, nameSpan, ctx);
    var kind = receiver == null ? ResolvedCall.Kind.FUNCTION : ResolvedCall.Kind.METHOD;
    fc.facts.calls.put(c, new ResolvedCall(kind, fn, receiver, Arrays.asList(slots), result));
    return result;
  }

  /** Checks a lambda argument against its (partly inferred) parameter type; false when it failed. */
  private boolean lambdaArg(Expr.Lambda l, Type param, Unifier u, Ctx ctx) {
    Type expected = u.apply(param);
    if (expected instanceof FunctionType ft) {
      if (ft.params().stream().anyMatch(Types::containsVar)) {
        fc.error(Code.AEG222, l.span(), "cannot infer the parameter types of this lambda",
            "give the other arguments first, or a type to what the call produces");
        exprs.lambdaWithUnknownParams(l, ctx);
        return false;
      }
      Type t = exprs.checkLambda(l, ft, ctx);
      if (Types.isError(t) || t instanceof FunctionType lt && Types.isError(lt.result())) return false;
      if (!u.unify(param, t)) {
        exprs.mismatch(l, t, u.apply(param), null);
        return false;
      }
      return true;
    }
    return !Types.isError(exprs.check(l, expected, ctx));
  }

  /**
   * Puts each argument in its parameter's slot: positional first, then named; reports unknown,
   * duplicate, extra and missing arguments. Returns false when something was wrong.
   */
  private boolean matchArgs(Expr.Call c, Signature sig, Expr[] slots, int first, String fnName, Ctx ctx) {
    boolean ok = true;
    boolean rejected = false;
    boolean sawNamed = false;
    int next = first;
    for (var arg : c.args()) {
      if (arg.name() == null) {
        if (sawNamed || next >= slots.length) {
          rejectArg(arg, sawNamed ? "positional arguments come before named ones" : fnName + " takes "
              + ExprChecker.count(slots.length - first, "argument") + ", but more are given", ctx);
          ok = false;
          rejected = true;
        } else {
          slots[next++] = arg.value();
        }
        continue;
      }
      sawNamed = true;
      int i = sig.indexOf(arg.name().name());
      if (i < 0) {
        var names = sig.params().stream().map(Signature.Param::name).toList();
        var hint = Suggestions.didYouMean(arg.name().name(), names);
        if (hint == null) {
          hint = names.isEmpty() ? fnName + " takes no arguments"
              : "its parameters are " + String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
        }
        fc.error(Code.AEG206, arg.name().span(), fnName + " has no parameter `" + arg.name().name() + "`", hint);
        looseValue(arg.value(), ctx);
        ok = false;
        rejected = true;
      } else if (slots[i] != null) {
        rejectArg(arg, "argument `" + arg.name().name() + "` is given twice", ctx);
        ok = false;
      } else {
        slots[i] = arg.value();
        var p = sig.params().get(i);
        fc.bind(arg.name(), Symbol.value(Symbol.Kind.FUNCTION_PARAM, p.name(), p.type(), null, p.span(), null, null));
      }
    }
    var missing = new ArrayList<String>();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == null && !sig.params().get(i).hasDefault()) missing.add("`" + sig.params().get(i).name() + "`");
    }
    if (!missing.isEmpty() && !rejected) {
      fc.error(Code.AEG206, c.span(), "missing " + (missing.size() == 1 ? "argument " : "arguments ")
          + String.join(", ", missing) + " of " + fnName);
      ok = false;
    }
    return ok;
  }

  /** Reports an argument that has no place, and checks its value on its own. */
  private void rejectArg(Arg arg, String message, Ctx ctx) {
    fc.error(Code.AEG206, arg.span(), message);
    looseValue(arg.value(), ctx);
  }

  /**
   * A Secret given to a generic function whose result does not carry the type variable (e.g.
   * {@code toJson<T>(value: T) -> String}) comes out as something that is not a Secret: a disclosure.
   * Results of type {@code Int} or {@code Bool} (sizes, tests) disclose nothing.
   */
  private void secretThroughGeneric(Signature sig, Map<TypeVar, Type> inst, Unifier u, Expr[] slots,
                                    String fnName) {
    if (sig.result() == Prim.INT || sig.result() == Prim.BOOL) return;
    for (var v : sig.typeParams()) {
      if (!Types.containsSecret(u.apply(inst.get(v))) || Types.mentions(sig.result(), v)) continue;
      boolean intoLambda = sig.params().stream()
          .anyMatch(p -> p.type() instanceof FunctionType f && f.params().stream().anyMatch(t -> Types.mentions(t, v)));
      if (intoLambda) continue;
      for (int i = 0; i < slots.length; i++) {
        if (slots[i] != null && Types.mentions(sig.params().get(i).type(), v)
            && Types.containsSecret(fc.facts.types.getOrDefault(slots[i], Type.ERROR))) {
          fc.error(Code.AEG209, slots[i].span(), fnName + " would disclose the Secret in this argument: its result is a `"
              + sig.result().display() + "`", "a Secret may only go where a `Secret` is expected");
          return;
        }
      }
    }
  }

  /**
   * Replaces the call's own type variables in the recorded types of its arguments by what they were
   * inferred to be. Nothing to do (and no walk over the arguments) when no recorded type holds a
   * variable, as for most calls: that walk was a tenth of the time of checking.
   */
  private void settleTypes(Expr[] slots, Unifier u) {
    if (!fc.facts.anyTypeWithVars()) return;
    for (var slot : slots) {
      if (slot == null) continue;
      for (var n : Nodes.descendants(slot)) {
        if (n instanceof Expr e && fc.facts.types.get(e) instanceof Type t && Types.containsVar(t)) {
          fc.facts.recordType(e, u.apply(t));
        }
      }
    }
  }

  /** Adds a function's effect where it is called; a write outside a step is an error. */
  void effect(Symbol fn, Span at, Ctx ctx) {
    ctx.effects().add(fn.effect());
    if (ExprChecker.writes(fn.effect()) && !ctx.mayWrite()) {
      String does = fn.effect() == Effect.WRITE ? "writes" : "is destructive";
      fc.add(Diagnostic.of(Code.AEG212, at, Types.qualified(fn.module(), fn.name()), does)
          .withHint("wrap it in a step: `step \"...\" { ... }`"));
    }
  }

  // ------------------------------------------------------------------ records and function values

  private Type construct(Expr.Call c, Symbol record, Span nameSpan, Ctx ctx) {
    var r = (RecordType) record.type();
    var slots = new Expr[r.fields().size()];
    boolean positionalReported = false;
    boolean rejected = false;
    for (var arg : c.args()) {
      if (arg.name() == null) {
        if (!positionalReported) {
          String example = r.fields().isEmpty() ? "" : r.fields().getFirst().name() + ": ...";
          fc.error(Code.AEG206, arg.span(), "the fields of `" + r.display() + "` are given by name: `"
              + nameSpan.text() + "(" + example + ")`");
          positionalReported = true;
        }
        looseValue(arg.value(), ctx);
        continue;
      }
      if (!fieldArg(arg, r, slots, ctx)) rejected = true;
    }
    var missing = new ArrayList<String>();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == null && !r.fields().get(i).hasDefault()) missing.add("`" + r.fields().get(i).name() + "`");
    }
    if (!missing.isEmpty() && !positionalReported && !rejected) {
      fc.error(Code.AEG206, c.span(), "missing " + (missing.size() == 1 ? "field " : "fields ")
          + String.join(", ", missing) + " of `" + r.display() + "`");
    }
    fc.facts.calls.put(c, new ResolvedCall(ResolvedCall.Kind.CONSTRUCTOR, record, null, Arrays.asList(slots), r));
    return r;
  }

  /** {@code r.with(field: value, ...)}: a copy of {@code r} with some fields changed. */
  private Type with(Expr.Call c, Expr.Field f, RecordType r, Ctx ctx) {
    var slots = new Expr[r.fields().size()];
    for (var arg : c.args()) {
      if (arg.name() == null) {
        fc.error(Code.AEG206, arg.span(), "`with` takes the fields to change by name: `.with("
            + (r.fields().isEmpty() ? "" : r.fields().getFirst().name() + ": ...") + ")`");
        looseValue(arg.value(), ctx);
        continue;
      }
      fieldArg(arg, r, slots, ctx);
    }
    var symbol = new Symbol(Symbol.Kind.RECORD, r.name(), r, r.doc(), r.span(), r.module(), null, null, null);
    fc.facts.calls.put(c, new ResolvedCall(ResolvedCall.Kind.WITH, symbol, f.target(), Arrays.asList(slots), r));
    return r;
  }

  /** Checks one named field argument; false when the field does not exist. */
  private boolean fieldArg(Arg arg, RecordType r, Expr[] slots, Ctx ctx) {
    String name = arg.name().name();
    int i = r.fieldIndex(name);
    if (i < 0) {
      var names = r.fields().stream().map(RecordType.Field::name).toList();
      var hint = Suggestions.didYouMean(name, names);
      if (hint == null) hint = "its fields are " + String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
      fc.error(Code.AEG206, arg.name().span(), "`" + r.display() + "` has no field `" + name + "`", hint);
      looseValue(arg.value(), ctx);
      return false;
    }
    var field = r.fields().get(i);
    if (slots[i] != null) {
      rejectArg(arg, "field `" + name + "` is given twice", ctx);
      return true;
    }
    slots[i] = arg.value();
    fc.bind(arg.name(), ExprChecker.fieldSymbol(r, field));
    exprs.expect(arg.value(), field.type(), ctx, "field `" + name + "` of `" + r.display() + "`");
    return true;
  }

  /** Calls a value of function type: a lambda in a let, a function-typed field or parameter. */
  private Type callValue(Expr.Call c, Type callee, Symbol symbol, Ctx ctx) {
    if (Types.isError(callee)) return loose(c, ctx);
    if (!(callee instanceof FunctionType ft)) {
      return notCallable(c, FileContext.describe(c.callee()) + " (" + Types.a(callee) + ")", ctx);
    }
    var args = c.args();
    if (args.stream().anyMatch(a -> a.name() != null)) {
      fc.error(Code.AEG206, c.span(), "a function value takes its arguments by position, without names");
      return loose(c, ctx);
    }
    if (args.size() != ft.params().size()) {
      fc.error(Code.AEG206, c.span(), "this function takes " + ExprChecker.count(ft.params().size(), "argument")
          + ", but " + args.size() + (args.size() == 1 ? " is" : " are") + " given");
      return loose(c, ctx);
    }
    for (int i = 0; i < args.size(); i++) {
      exprs.expect(args.get(i).value(), ft.params().get(i), ctx, "argument " + (i + 1));
    }
    fc.facts.calls.put(c, new ResolvedCall(ResolvedCall.Kind.VALUE, symbol, null,
        args.stream().map(Arg::value).toList(), ft.result()));
    return ft.result();
  }

  private Type notCallable(Expr.Call c, String what, Ctx ctx) {
    fc.report(Code.AEG207, c.callee().span(), what);
    return loose(c, ctx);
  }

  /** Checks the arguments of a call that could not be resolved, for their own errors only. */
  private Type loose(Expr.Call c, Ctx ctx) {
    for (var a : c.args()) looseValue(a.value(), ctx);
    return Type.ERROR;
  }

  private void looseValue(Expr e, Ctx ctx) {
    if (e instanceof Expr.Lambda l) exprs.lambdaWithUnknownParams(l, ctx);
    else exprs.check(e, null, ctx);
  }
}
