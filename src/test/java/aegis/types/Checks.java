package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Nodes;
import aegis.syntax.ast.Stmt;
import java.util.List;
import java.util.Map;

/** A small stdlib given inline, and helpers to check snippets against it. */
final class Checks {
  private Checks() {}

  static final String CORE = """
      module core
      record Window { start: String  end: String }
      record Resources { cpu: Quantity  memory: Quantity }
      record Service { name: String  replicas: Int = 1  resources: Resources? = null }
      record Environment { name: String  namespace: String  services: List<Service> = []  deployWindow: Window }
      extern fn length<T>(xs: List<T>) -> Int
      extern fn filter<T>(xs: List<T>, keep: (T) -> Bool) -> List<T>
      extern fn map<T, U>(xs: List<T>, f: (T) -> U) -> List<U>
      extern fn first<T>(xs: List<T>) -> T?
      extern fn emptyList<T>() -> List<T>
      extern fn toString<T>(value: T) -> String
      extern fn upper(s: String) -> String
      extern fn each<T>(xs: List<T>, f: (T) -> Unit)
      """;

  static final String K8S = """
      module k8s
      enum Phase { Pending, Running }
      record Pod { name: String  phase: Phase }
      extern read fn pods(namespace: String) -> List<Pod>
      extern write fn apply(manifest: String) -> String
      extern write fn ensureSecret(namespace: String, name: String, data: Map<String, Secret>)
      extern destructive fn deletePod(namespace: String, pod: Pod)
      fn restart(namespace: String, pods: List<Pod>) = pods.each(p -> deletePod(namespace, p))
      fn names(pods: List<Pod>) -> List<String> = pods.map(p -> p.name)
      """;

  static final String VAULT = """
      module vault
      record SecretData { path: String  values: Map<String, Secret> }
      extern read fn read(path: String) -> SecretData
      extern fn secret(data: SecretData, key: String) -> Secret
      """;

  static final Map<String, String> STDLIB = Map.of("core", CORE, "k8s", K8S, "vault", VAULT);

  /** A checker over the inline stdlib, with extra files (path -> text) for imports and runs. */
  static Checker checker(Map<String, String> files) {
    return new Checker(new ModuleRegistry(ModuleLoader.inMemory(STDLIB, files)));
  }

  static final Checker CHECKER = checker(Map.of());

  static CheckedProgram check(String text) {
    return CHECKER.check(SourceFile.virtual("test.aegis", text));
  }

  /** Checks a runbook body: adds the header line. */
  static CheckedProgram runbook(String body) {
    return check("runbook test \"t\"\n" + body);
  }

  static List<Code> codes(CheckedProgram p) {
    return p.diagnostics().stream().map(Diagnostic::code).toList();
  }

  static List<Code> errors(CheckedProgram p) {
    return p.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
  }

  static String render(CheckedProgram p) { return DiagnosticRenderer.render(p.diagnostics(), false); }

  /** The value expression of the top-level {@code let name = ...}. */
  static Expr let(CheckedProgram p, String name) {
    for (var n : Nodes.descendants(p.ast())) {
      if (n instanceof Stmt.Let l && l.name().name().equals(name)) return l.value();
    }
    throw new AssertionError("no let " + name);
  }

  /** The type the checker gave {@code let name}'s value. */
  static String typeOfLet(CheckedProgram p, String name) { return p.typeOf(let(p, name)).display(); }

  /** The first node of a class whose source text is {@code text}. */
  static <T extends Node> T find(CheckedProgram p, Class<T> type, String text) {
    for (var n : Nodes.descendants(p.ast())) {
      if (type.isInstance(n) && n.span().text().equals(text)) return type.cast(n);
    }
    throw new AssertionError("no " + type.getSimpleName() + " `" + text + "`");
  }

  static Stmt.Step step(CheckedProgram p, String name) {
    for (var n : Nodes.descendants(p.ast())) {
      if (n instanceof Stmt.Step s && s.name().constantText().equals(name)) return s;
    }
    throw new AssertionError("no step " + name);
  }

  static Decl.Param param(CheckedProgram p, String name) {
    return p.ast().decls().stream().filter(d -> d instanceof Decl.Param q && q.name().name().equals(name))
        .map(Decl.Param.class::cast).findFirst().orElseThrow();
  }
}
