package aegis.types;

import static aegis.types.Checks.find;
import static aegis.types.Checks.render;
import static aegis.types.Checks.runbook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.syntax.SourceFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Stmt;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What names, fields and calls resolve to: the facts the planner and the language server read. */
class ResolutionTest {
  @Test
  void namesAndFieldsResolveToTheirDeclarations() {
    var p = runbook("""
        import k8s as kube
        /// The target.
        param env: Environment
        let pods = kube.pods(env.namespace)
        let _phase = kube.Phase.Running
        for pod in pods { check pod.name != "" else fail "x" }
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    var envRef = find(p, Expr.Name.class, "env");
    var sym = p.symbolOf(envRef);
    assertEquals(Symbol.Kind.PARAM, sym.kind());
    assertEquals("The target.", sym.doc());
    assertEquals("Environment", sym.type().display());
    assertEquals(4, sym.span().line());
    var namespace = find(p, Expr.Field.class, "env.namespace");
    assertEquals(Symbol.Kind.FIELD, p.symbolOf(namespace.field()).kind());
    var podsCall = find(p, Expr.Call.class, "kube.pods(env.namespace)");
    var fn = p.symbolOf(podsCall.callee());
    assertEquals(Symbol.Kind.EXTERN_FUNCTION, fn.kind());
    assertEquals("k8s", fn.module());
    assertEquals("extern read fn k8s.pods(namespace: String) -> List<k8s.Pod>", fn.describe());
    var running = find(p, Expr.Field.class, "kube.Phase.Running");
    assertEquals(Symbol.Kind.ENUM_MEMBER, p.symbolOf(running.field()).kind());
    assertEquals(Symbol.Kind.LOOP_VARIABLE, p.symbolOf(find(p, Expr.Name.class, "pod")).kind());
    assertEquals(List.of("env"), p.params().stream().map(Symbol::name).toList());
    assertEquals("k8s", p.imports().getFirst().module().name());
    assertEquals("kube", p.imports().getFirst().alias());
  }

  @Test
  void callsPutTheirArgumentsInParameterOrder() {
    var p = Checks.check("""
        module m
        extern fn get(url: String, timeout: Duration = 10s, retries: Int = 0) -> Int
        let _a = get("u", retries: 2)
        let _b = "u".get(5s)
        let _s = Service(replicas: 2, name: "x")
        let _t = _s.with(replicas: 3)
        let f: (Int) -> Int = n -> n
        let _v = f(1)
        """.replace("extern fn", "extern fn"));
    var a = p.callOf(find(p, Expr.Call.class, "get(\"u\", retries: 2)"));
    assertEquals(ResolvedCall.Kind.FUNCTION, a.kind());
    assertEquals(3, a.arguments().size());
    assertEquals("\"u\"", a.arguments().get(0).span().text());
    assertNull(a.arguments().get(1));
    assertEquals("2", a.arguments().get(2).span().text());
    var b = p.callOf(find(p, Expr.Call.class, "\"u\".get(5s)"));
    assertEquals(ResolvedCall.Kind.METHOD, b.kind());
    assertSame(b.receiver(), b.arguments().getFirst());
    assertEquals("5s", b.arguments().get(1).span().text());
    var s = p.callOf(find(p, Expr.Call.class, "Service(replicas: 2, name: \"x\")"));
    assertEquals(ResolvedCall.Kind.CONSTRUCTOR, s.kind());
    assertEquals("\"x\"", s.arguments().get(0).span().text());
    assertEquals("2", s.arguments().get(1).span().text());
    assertNull(s.arguments().get(2));
    var t = p.callOf(find(p, Expr.Call.class, "_s.with(replicas: 3)"));
    assertEquals(ResolvedCall.Kind.WITH, t.kind());
    assertNull(t.arguments().get(0));
    var v = p.callOf(find(p, Expr.Call.class, "f(1)"));
    assertEquals(ResolvedCall.Kind.VALUE, v.kind());
    assertEquals("f", v.target().name());
  }

  @Test
  void membersOfATypeAreItsFieldsThenTheFunctionsMethodSyntaxReaches() {
    var p = runbook("""
        import k8s
        let pods = k8s.pods("ns")
        let _n = pods.names()
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    var pods = p.typeOf(Checks.let(p, "pods"));
    var names = p.membersOf(pods).stream().map(Symbol::name).toList();
    assertTrue(names.containsAll(List.of("names", "length", "filter", "map", "first", "each")), names::toString);
    assertTrue(!names.contains("upper"), names::toString);
    var pod = ((Type.ListType) pods).element();
    assertEquals(List.of("name", "phase"), p.membersOf(pod).stream().map(Symbol::name).limit(2).toList());
  }

  @Test
  void namesVisibleAtAnOffsetIncludeLocalsParamsAndCore() {
    var text = """
        runbook t "t"
        param env: Environment
        let early = 1
        step "s" {
          let inner = early
          check inner > 0 else fail "x"
        }
        let late = 2
        check late > 0 else fail "y"
        """;
    var p = Checks.CHECKER.check(SourceFile.virtual("t.aegis", text));
    var names = p.namesVisibleAt(text.indexOf("check inner"));
    assertTrue(names.containsKey("inner"));
    assertTrue(names.containsKey("early"));
    assertTrue(names.containsKey("env"));
    assertTrue(names.containsKey("filter"));
    assertTrue(!names.containsKey("late"), names::toString);
    assertTrue(!p.namesVisibleAt(text.indexOf("let late")).containsKey("inner"));
  }

  @Test
  void stdlibModulesAreCheckedOnceAndListTheirDeclarations() {
    var registry = Checks.CHECKER.registry();
    var k8s = registry.stdlib("k8s");
    assertSame(k8s, registry.stdlib("k8s"));
    assertEquals(List.of("Phase", "Pod", "pods", "apply", "ensureSecret", "deletePod", "restart", "names"),
        k8s.declarations().stream().map(Symbol::name).toList());
    assertEquals(List.of(), k8s.program().diagnostics());
    assertNull(registry.stdlib("nope"));
  }

  @Test
  void fileImportsAndRunTargetsResolveNextToTheFile() {
    var checker = Checks.checker(Map.of(
        "ops/lib/common.aegis", """
            module common
            fn label(s: Service) -> String = "svc-${s.name}"
            """,
        "ops/roll-back.aegis", """
            runbook roll_back "r"
            param env: Environment
            param dry: Bool = false
            check dry || env.name != "" else fail "x"
            """));
    var p = checker.check(SourceFile.of(Path.of("ops/main.aegis"), """
        runbook main "m"
        import "lib/common.aegis" as c
        param env: Environment
        let _l = env.services.map(s -> c.label(s))
        run roll_back(env: env)
        """));
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals(Path.of("ops/lib/common.aegis"), p.imports().getFirst().path());
    var run = (Stmt.Run) p.ast().decls().getLast();
    var target = p.runTarget(run);
    assertEquals(Path.of("ops/roll-back.aegis"), target.path());
    assertEquals(List.of("env", "dry"), target.program().params().stream().map(Symbol::name).toList());
    assertEquals(Symbol.Kind.RUNBOOK, p.symbolOf(run.runbook()).kind());
  }

  @Test
  void onlyTheStdlibMayDeclareExternFunctions() {
    var text = "module tools\nextern read fn probe(url: String) -> Bool\n";
    var asUserFile = Checks.check(text);
    assertEquals(List.of(aegis.diagnostics.Code.AEG223), Checks.codes(asUserFile));
    var asStdlib = Checks.CHECKER.checkStdlibModule(aegis.syntax.Parser.parse(SourceFile.virtual("tools.aegis", text)));
    assertEquals(List.of(), asStdlib.diagnostics(), () -> render(asStdlib));
    assertEquals(aegis.syntax.ast.Effect.READ, asStdlib.module().member("probe").effect());
  }

  @Test
  void anEnvironmentFileGivesItsValueExpression() {
    var p = Checks.check("""
        environment e
        Environment(name: "e", namespace: "n", deployWindow: Window(start: "a", end: "b"))
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals(Header.Kind.ENVIRONMENT, p.kind());
    assertNotNull(p.environmentValue());
    assertEquals("Environment", p.typeOf(p.environmentValue()).display());
  }

  @Test
  void aModuleFileListsItsDeclarationsWithDocsAndSignatures() {
    var p = Checks.check("""
        /// Helpers.
        module helpers
        /// A thing.
        record Thing { name: String }
        /// Makes one.
        fn make(name: String = "x") -> Thing = Thing(name: name)
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    var m = p.module();
    assertEquals("Helpers.", m.doc());
    assertEquals("Makes one.", m.member("make").doc());
    assertEquals("fn helpers.make(name: String = \"x\") -> helpers.Thing", m.member("make").describe());
    assertEquals(Decl.Record.class, m.member("Thing").declaration().getClass());
  }
}
