package aegis.types;

import aegis.diagnostics.Code;
import aegis.syntax.ast.Ident;
import aegis.syntax.ast.TypeRef;
import aegis.types.Type.FunctionType;
import aegis.types.Type.ListType;
import aegis.types.Type.MapType;
import aegis.types.Type.Prim;
import aegis.types.Type.TypeVar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Turns a type as written ({@code TypeRef}) into a {@link Type}, reporting unknown names with suggestions. */
final class TypeResolver {
  private static final Map<String, Type> BUILTINS = Map.of(
      "Int", Prim.INT, "Float", Prim.FLOAT, "Bool", Prim.BOOL, "String", Prim.STRING, "Duration", Prim.DURATION,
      "Quantity", Prim.QUANTITY, "Secret", Prim.SECRET, "Unit", Type.UNIT);

  private final FileContext fc;

  TypeResolver(FileContext fc) { this.fc = fc; }

  /** Resolves {@code ref} in {@code scope}; {@code typeParams} are the type variables of an enclosing generic function. */
  Type resolve(TypeRef ref, Scope scope, Map<String, TypeVar> typeParams) {
    if (ref == null) return Type.ERROR;
    return switch (ref) {
      case TypeRef.Optional o -> Types.optional(resolve(o.inner(), scope, typeParams));
      case TypeRef.Function f -> new FunctionType(
          f.params().stream().map(p -> resolve(p, scope, typeParams)).toList(), resolve(f.result(), scope, typeParams));
      case TypeRef.Named n -> named(n, scope, typeParams);
    };
  }

  private Type named(TypeRef.Named n, Scope scope, Map<String, TypeVar> typeParams) {
    var args = n.args().stream().map(a -> resolve(a, scope, typeParams)).toList();
    if (n.path().size() == 1) {
      String name = n.path().getFirst().name();
      if (name.equals("List")) return generic(n, args, 1) ? new ListType(args.getFirst()) : Type.ERROR;
      if (name.equals("Map")) return map(n, args);
      Type t = typeParams.get(name);
      if (t == null) t = BUILTINS.get(name);
      if (t != null) {
        fc.bind(n, new Symbol(t instanceof TypeVar ? Symbol.Kind.TYPE_PARAM : Symbol.Kind.BUILTIN_TYPE, name, t,
            null, null, null, null, null, null));
        return noArgs(n, args) ? t : Type.ERROR;
      }
      var b = scope.lookup(name);
      if (b == null) return unknown(n, name, typeNames(scope, typeParams));
      b.markUsed();
      return declared(n, b.symbol(), args);
    }
    if (n.path().size() > 2) return unknown(n, n.qualifiedName(), List.of());
    Ident moduleName = n.path().getFirst();
    String member = n.path().get(1).name();
    var b = scope.lookup(moduleName.name());
    if (b == null || b.symbol().kind() != Symbol.Kind.MODULE) {
      var hints = new ArrayList<String>();
      var stdlib = fc.session.registry().stdlibNames();
      if (stdlib.contains(moduleName.name())) {
        hints.add("add `import " + moduleName.name() + "` at the top of the file");
      } else {
        var near = Suggestions.didYouMean(moduleName.name(), moduleNames(scope));
        if (near == null) {
          var module = Suggestions.closest(moduleName.name(), stdlib);
          if (module != null) near = "did you mean `" + module + "`? it needs `import " + module + "`";
        }
        if (near != null) hints.add(near);
      }
      fc.error(Code.AEG204, moduleName.span(), Code.AEG204.format(moduleName.name()), hints.toArray(String[]::new));
      return Type.ERROR;
    }
    b.markUsed();
    if (!(b.symbol().type() instanceof Type.ModuleType moduleType)) return Type.ERROR;
    var module = moduleType.module();
    fc.bind(moduleName, b.symbol());
    var s = module.member(member);
    if (s == null || (s.kind() != Symbol.Kind.RECORD && s.kind() != Symbol.Kind.ENUM)) {
      var types = module.declarations().stream()
          .filter(d -> d.kind() == Symbol.Kind.RECORD || d.kind() == Symbol.Kind.ENUM).map(Symbol::name).toList();
      var near = Suggestions.closest(member, types);
      fc.error(Code.AEG205, n.span(), Code.AEG205.format(n.qualifiedName()),
          near == null ? new String[0] : new String[] {"did you mean `" + moduleName.name() + "." + near + "`?"});
      return Type.ERROR;
    }
    return declared(n, s, args);
  }

  private Type declared(TypeRef.Named n, Symbol s, List<Type> args) {
    if (s.kind() == Symbol.Kind.RECORD || s.kind() == Symbol.Kind.ENUM) {
      fc.bind(n, s);
      return noArgs(n, args) ? s.type() : Type.ERROR;
    }
    String what = s.kind() == Symbol.Kind.MODULE ? "a module" : "a value";
    fc.error(Code.AEG205, n.span(), "`" + n.qualifiedName() + "` is " + what + ", not a type");
    return Type.ERROR;
  }

  private Type map(TypeRef.Named n, List<Type> args) {
    if (!generic(n, args, 2)) return Type.ERROR;
    if (args.getFirst() != Prim.STRING && !Types.isError(args.getFirst())) {
      fc.error(Code.AEG202, n.args().getFirst().span(), "map keys are always `String`, not `"
          + args.getFirst().display() + "`");
      return Type.ERROR;
    }
    return new MapType(args.get(1));
  }

  private boolean generic(TypeRef.Named n, List<Type> args, int arity) {
    if (args.size() == arity) return true;
    String shape = arity == 1 ? "`List<T>`" : "`Map<String, T>`";
    fc.error(Code.AEG202, n.span(), "`" + n.qualifiedName() + "` takes " + arity + " type argument"
        + (arity == 1 ? "" : "s") + ", like " + shape + ", but " + args.size() + (args.size() == 1 ? " is" : " are")
        + " given");
    return false;
  }

  private boolean noArgs(TypeRef.Named n, List<Type> args) {
    if (args.isEmpty()) return true;
    fc.error(Code.AEG202, n.span(), "`" + n.qualifiedName() + "` takes no type arguments");
    return false;
  }

  private Type unknown(TypeRef.Named n, String name, List<String> candidates) {
    var hint = Suggestions.didYouMean(name, candidates);
    fc.error(Code.AEG205, n.span(), Code.AEG205.format(name), hint == null ? new String[0] : new String[] {hint});
    return Type.ERROR;
  }

  private static List<String> typeNames(Scope scope, Map<String, TypeVar> typeParams) {
    var out = new LinkedHashSet<String>(typeParams.keySet());
    out.addAll(BUILTINS.keySet());
    out.add("List");
    out.add("Map");
    for (var name : scope.visibleNames()) {
      var k = scope.lookup(name).peek().kind();
      if (k == Symbol.Kind.RECORD || k == Symbol.Kind.ENUM) out.add(name);
    }
    return List.copyOf(out);
  }

  private static List<String> moduleNames(Scope scope) {
    return scope.visibleNames().stream().filter(n -> scope.lookup(n).peek().kind() == Symbol.Kind.MODULE).toList();
  }
}
