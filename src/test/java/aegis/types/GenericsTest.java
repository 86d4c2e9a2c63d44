package aegis.types;

import static aegis.types.Checks.codes;
import static aegis.types.Checks.find;
import static aegis.types.Checks.render;
import static aegis.types.Checks.runbook;
import static aegis.types.Checks.typeOfLet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import aegis.diagnostics.Code;
import aegis.syntax.ast.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type arguments inferred from arguments; lambdas typed from them; the expected type helps last. */
class GenericsTest {
  @Test
  void typeArgumentsComeFromTheNonLambdaArgumentsAndTypeTheLambdas() {
    var p = runbook("""
        param env: Environment
        let _names = env.services.map(s -> s.name)
        let _big = filter(env.services, s -> s.replicas > 1)
        let _first = first(env.services.map(s -> s.replicas))
        let _lengths = [["a"], ["b", "c"]].map(xs -> length(xs))
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals("List<String>", typeOfLet(p, "_names"));
    assertEquals("List<Service>", typeOfLet(p, "_big"));
    assertEquals("Int?", typeOfLet(p, "_first"));
    assertEquals("List<Int>", typeOfLet(p, "_lengths"));
    var lambda = find(p, Expr.Lambda.class, "s -> s.name");
    assertEquals("(Service) -> String", p.typeOf(lambda).display());
  }

  @Test
  void theExpectedTypeFixesWhatTheArgumentsLeaveOpen() {
    var p = runbook("""
        let _a: List<String> = emptyList()
        let _b = emptyList()
        """);
    assertEquals(List.of(Code.AEG222), codes(p), () -> render(p));
    assertEquals("List<String>", typeOfLet(p, "_a"));
  }

  @Test
  void noTypeVariableIsLeftInTheRecordedTypes() {
    var p = runbook("""
        param env: Environment
        let _x = map(env.services, s -> first([s.name.upper()]) ?? "none")
        let _y = map(env.services, s -> [s.replicas]).map(xs -> xs.map(n -> [n, length(xs)]))
        let _z: List<List<String>> = [emptyList(), []]
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals("List<List<List<Int>>>", typeOfLet(p, "_y"));
    for (var t : p.types().values()) assertFalse(Types.containsVar(t), () -> t + " in " + render(p));
  }

  @Test
  void aLambdaArgumentIsCheckedAgainstTheInferredParameter() {
    var p = runbook("""
        param env: Environment
        let _a = env.services.filter(s -> s.name)
        let _b = env.services.filter((a, b) -> true)
        let _c = map(env.services, s -> s.nope)
        """);
    assertEquals(List.of(Code.AEG202, Code.AEG202, Code.AEG203), codes(p), () -> render(p));
  }

  @Test
  void boundTypeVariablesCheckLaterArguments() {
    var p = Checks.check("""
        module m
        fn pick<T>(a: T, b: T) -> T = a
        let _ok = pick(1, 2)
        let _bad = pick(1, "x")
        """);
    assertEquals(List.of(Code.AEG202), codes(p), () -> render(p));
    assertEquals("Int", typeOfLet(p, "_ok"));
  }
}
