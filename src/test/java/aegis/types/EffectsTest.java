package aegis.types;

import static aegis.types.Checks.codes;
import static aegis.types.Checks.render;
import static aegis.types.Checks.runbook;
import static aegis.types.Checks.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.diagnostics.Code;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.Effect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What steps, functions and runbooks do: the greatest effect of what they call. */
class EffectsTest {
  @Test
  void aStepsEffectIsTheGreatestOfItsCalls() {
    var p = runbook("""
        import k8s
        param env: Environment
        step "pure" { let _n = length(env.services) }
        step "read" { let _p = k8s.pods(env.namespace) }
        step "write" {
          let _p = k8s.pods(env.namespace)
          k8s.apply("x")
        }
        step "destructive" {
          for p in k8s.pods(env.namespace) { k8s.deletePod(env.namespace, p) }
        }
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals(Effect.PURE, p.effectOf(step(p, "pure")));
    assertEquals(Effect.READ, p.effectOf(step(p, "read")));
    assertEquals(Effect.WRITE, p.effectOf(step(p, "write")));
    assertEquals(Effect.DESTRUCTIVE, p.effectOf(step(p, "destructive")));
    assertEquals(Effect.DESTRUCTIVE, p.effect());
  }

  @Test
  void aFunctionsEffectIsInferredFromItsBodyThroughLambdas() {
    var k8s = Checks.CHECKER.registry().stdlib("k8s");
    assertEquals(Effect.DESTRUCTIVE, k8s.member("restart").effect());
    assertEquals(Effect.PURE, k8s.member("names").effect());
    assertEquals(Effect.READ, k8s.member("pods").effect());
    var p = runbook("""
        import k8s
        param env: Environment
        step "restart" { k8s.restart(env.namespace, k8s.pods(env.namespace)) }
        step "names" { let _n = k8s.names(k8s.pods(env.namespace)) }
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals(Effect.DESTRUCTIVE, p.effectOf(step(p, "restart")));
    assertEquals(Effect.READ, p.effectOf(step(p, "names")));
  }

  @Test
  void lambdasPassedToACallContributeTheirBodysEffect() {
    var p = runbook("""
        import k8s
        param env: Environment
        step "each" { k8s.pods(env.namespace).each(p -> k8s.deletePod(env.namespace, p)) }
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals(Effect.DESTRUCTIVE, p.effectOf(step(p, "each")));
  }

  @Test
  void writesOutsideAStepAreErrorsButReadsAreNot() {
    var p = runbook("""
        import k8s
        param env: Environment
        let pods = k8s.pods(env.namespace)
        k8s.apply("x")
        k8s.restart(env.namespace, pods)
        pods.each(p -> k8s.deletePod(env.namespace, p))
        on failure { k8s.apply("y") }
        """);
    assertEquals(List.of(Code.AEG212, Code.AEG212, Code.AEG212, Code.AEG212), codes(p), () -> render(p));
    assertEquals("`k8s.restart` is destructive; calls that change systems must be inside a `step`",
        p.diagnostics().get(1).message());
  }

  @Test
  void aRunJoinsTheEffectOfTheRunbookItRuns() {
    var checker = Checks.checker(Map.of("ops/cleanup.aegis", """
        runbook cleanup "c"
        import k8s
        param ns: String
        step "delete" { for p in k8s.pods(ns) { k8s.deletePod(ns, p) } }
        """));
    var p = checker.check(SourceFile.of(java.nio.file.Path.of("ops/main.aegis"), """
        runbook main "m"
        step "clean" { run cleanup(ns: "aegis") }
        """));
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals(Effect.DESTRUCTIVE, p.effectOf(step(p, "clean")));
    assertEquals(Effect.DESTRUCTIVE, p.effect());
  }
}
