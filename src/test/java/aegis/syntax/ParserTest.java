package aegis.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Stmt;
import aegis.syntax.ast.StringPart;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static ParseResult parse(String text) {
    return Parser.parse(SourceFile.virtual("t.aegis", text));
  }

  private static List<Code> codes(ParseResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void parsesTheDesignExample() {
    var r = parse("""
        /// Deploys it.
        runbook deploy "Deploy AegisShield into an environment, databases first"

        import k8s
        import vault

        param env: Environment
        param version: String = "1.0.0"
        param services: List<String> = ["data-ingestion", "entity-resolution",
                                        "graph-engine", "alert-engine", "api-gateway"]

        window env.deployWindow

        step "namespace" {
          k8s.ensureNamespace(env.namespace, labels: {"environment": env.name})
        }

        step "database credentials" {
          let pw: Secret = vault.read(env.vault, "secret/aegis/postgresql").secret("password")
          k8s.ensureSecret(env.namespace, "postgresql-secret", {"username": "postgres", "password": pw})
        }

        for svc in services {
          step "deploy ${svc}" timeout 10m retry(attempts: 2, backoff: 30s) {
            k8s.apply(template("templates/service.yaml.j2", env.service(svc).with(version: version)))
            k8s.rolloutStatus(env.namespace, deployment: svc, timeout: 600s)
          }
        }

        on failure {
          run rollback(env: env)
        }
        """);
    assertEquals(List.of(), r.diagnostics(), () -> DiagnosticRenderer.render(r.diagnostics(), false));
    var header = assertInstanceOf(Header.Runbook.class, r.ast().header());
    assertEquals("deploy", header.name().name());
    assertEquals("Deploys it.", header.doc());
    assertEquals(2, r.ast().imports().size());
    assertEquals(8, r.ast().decls().size());
    var loop = assertInstanceOf(Stmt.For.class, r.ast().decls().get(6));
    var step = assertInstanceOf(Stmt.Step.class, loop.body().stmts().getFirst());
    assertEquals(2, step.options().size());
    assertInstanceOf(Expr.StringLit.class, step.name());
    assertInstanceOf(StringPart.Interpolation.class, step.name().parts().get(1));
  }

  @Test
  void reportsEverySyntaxErrorOfAFile() {
    var r = parse("""
        runbook broken
        step "a" {
          let = 3
        }
        step "b" {
          check x > else fail "no"
        }
        step "c" {
          foo(1,, 2)
        }
        """);
    assertTrue(r.diagnostics().size() >= 3, () -> DiagnosticRenderer.render(r.diagnostics(), false));
    assertTrue(codes(r).stream().allMatch(c -> c == Code.AEG101));
    var lines = r.diagnostics().stream().map(d -> d.span().line()).distinct().toList();
    assertTrue(lines.containsAll(List.of(3, 6, 9)), lines::toString);
    assertNotNull(r.ast());
  }

  @Test
  void unitLiteralsKeepTheirUnitAndRejectUnknownOnes() {
    var r = parse("runbook u\nlet a = 10m\nlet b = 4Gi\nlet c = 3parsecs\n");
    assertEquals(List.of(Code.AEG104), codes(r));
    var a = (Stmt.Let) r.ast().decls().getFirst();
    var unit = assertInstanceOf(Expr.UnitLit.class, a.value());
    assertEquals("m", unit.unit());
    assertEquals("10m", unit.text());
  }

  @Test
  void unitLiteralsKeepTheirNumberInPlainForm() {
    var r = parse("runbook u\nlet a = 007.50s\nlet b = 1_000Mi\nlet c = 00m\nlet d = 0.25h\n");
    assertEquals(List.of(), codes(r));
    var texts = r.ast().decls().stream().map(d -> ((Expr.UnitLit) ((Stmt.Let) d).value()).text()).toList();
    assertEquals(List.of("7.50s", "1000Mi", "0m", "0.25h"), texts);
    var half = (Expr.UnitLit) ((Stmt.Let) r.ast().decls().getFirst()).value();
    assertEquals(new java.math.BigDecimal("7.50"), half.value());
  }

  @Test
  void interpolationsNestStringsAndBraces() {
    var r = parse("runbook s\nlet x = \"a ${m[\"k\"] ?? {\"z\": 1}[\"z\"]} b\"\n");
    assertEquals(List.of(), r.diagnostics(), () -> DiagnosticRenderer.render(r.diagnostics(), false));
    var s = (Expr.StringLit) ((Stmt.Let) r.ast().decls().getFirst()).value();
    assertEquals(3, s.parts().size());
    assertEquals("a ", ((StringPart.Text) s.parts().getFirst()).text());
  }

  @Test
  void unterminatedStringAndBadEscapeAreReportedWithPositions() {
    var r = parse("runbook s\nlet x = \"abc\nlet y = \"a\\qb\"\n");
    assertTrue(codes(r).contains(Code.AEG102), codes(r)::toString);
    assertTrue(codes(r).contains(Code.AEG103), codes(r)::toString);
    var unterminated = r.diagnostics().stream().filter(d -> d.code() == Code.AEG102).findFirst().orElseThrow();
    assertEquals(2, unterminated.span().line());
    assertEquals(9, unterminated.span().column());
  }

  @Test
  void multiLineStringsLoseTheirCommonIndentation() {
    var r = parse("runbook s\nlet q = \"\"\"\n    SELECT 1\n      FROM t\n    \"\"\"\n");
    assertEquals(List.of(), r.diagnostics());
    var s = (Expr.StringLit) ((Stmt.Let) r.ast().decls().getFirst()).value();
    assertTrue(s.multiline());
    assertEquals("SELECT 1\n  FROM t", s.constantText());
  }

  @Test
  void spansAreUtf16OffsetsAndColumnsCountCodePoints() {
    String text = "runbook s\nlet e = \"😀\" + 3parsecs\n";
    var r = parse(text);
    var d = r.diagnostics().getFirst();
    assertEquals(2, d.span().line());
    assertEquals(15, d.span().column());
    assertEquals(text.indexOf("3parsecs"), d.span().start());
    assertEquals(text.indexOf("3parsecs") + 8, d.span().end());
  }

  @Test
  void missingHeaderIsReported() {
    var r = parse("let x = 1\n");
    assertEquals(List.of(Code.AEG109), codes(r));
  }

  @Test
  void strayCharactersAndUnbalancedBracesNeverCrash() {
    var broken = parse("runbook s\n}}} # @ step \"x\" {\n");
    assertFalse(broken.diagnostics().isEmpty());
    var r = parse("runbook s\nlet x = 1 # 2\n");
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("unexpected character `#`")),
        () -> DiagnosticRenderer.render(r.diagnostics(), false));
  }

  @Test
  void modulesDeclareExternsWithEffectsAndGenerics() {
    var r = parse("""
        module demo
        /// A pod.
        record Pod {
          /// Its name.
          name: String
          restarts: Int = 0
        }
        enum Phase { Pending, Running, }
        extern read fn pods(namespace: String, timeout: Duration = 30s) -> List<Pod>
        extern fn filter<T>(xs: List<T>, keep: (T) -> Bool) -> List<T>
        extern destructive fn delete(pod: Pod)
        fn names(ps: List<Pod>) -> List<String> = ps.map(p -> p.name)
        """);
    assertEquals(List.of(), r.diagnostics(), () -> DiagnosticRenderer.render(r.diagnostics(), false));
    var pod = (Decl.Record) r.ast().decls().getFirst();
    assertEquals("A pod.", pod.doc());
    assertEquals("Its name.", pod.fields().getFirst().doc());
    var pods = (Decl.ExternFn) r.ast().decls().get(2);
    assertEquals(aegis.syntax.ast.Effect.READ, pods.effect());
    var filter = (Decl.ExternFn) r.ast().decls().get(3);
    assertEquals(1, filter.typeParams().size());
  }

  @Test
  void keywordsAreAllowedAsMemberAndArgumentNames() {
    var r = parse("runbook k\nimport vault\nlet s = vault.read(\"p\", timeout: 5s)\n");
    assertEquals(List.of(), r.diagnostics(), () -> DiagnosticRenderer.render(r.diagnostics(), false));
  }

  @Test
  void rendererShowsLineCaretsAndHints() {
    var r = parse("runbook s\nlet x = 3parsecs\n");
    String out = DiagnosticRenderer.render(r.diagnostics(), false);
    assertTrue(out.startsWith("t.aegis:2:9: error[AEG104]: `3parsecs` has an unknown unit `parsecs`"), out);
    assertTrue(out.contains("2 | let x = 3parsecs\n  |         ^^^^^^^^\n"), out);
    assertTrue(out.contains("= hint: durations take"), out);
  }
}
