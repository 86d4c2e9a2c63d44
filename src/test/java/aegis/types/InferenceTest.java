package aegis.types;

import static aegis.types.Checks.codes;
import static aegis.types.Checks.render;
import static aegis.types.Checks.runbook;
import static aegis.types.Checks.typeOfLet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.diagnostics.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types the checker infers for lets and expressions, and what an expected type changes. */
class InferenceTest {
  @Test
  void infersTheTypesOfLetsFromTheirValues() {
    var p = runbook("""
        param env: Environment
        let _a = 1
        let _b = 1.5
        let _c = "x${_a}"
        let _d = [1, 2]
        let _e = {"k": true}
        let _f = env.services
        let _g = env.services[0].resources
        let _h = if _a > 0 then "pos" else null
        let _i = [null, "x"]
        let _j = _h ?? "none"
        let _k = _g?.cpu
        let _l = {"a": [1], "b": []}
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals("Int", typeOfLet(p, "_a"));
    assertEquals("Float", typeOfLet(p, "_b"));
    assertEquals("String", typeOfLet(p, "_c"));
    assertEquals("List<Int>", typeOfLet(p, "_d"));
    assertEquals("Map<String, Bool>", typeOfLet(p, "_e"));
    assertEquals("List<Service>", typeOfLet(p, "_f"));
    assertEquals("Resources?", typeOfLet(p, "_g"));
    assertEquals("String?", typeOfLet(p, "_h"));
    assertEquals("List<String?>", typeOfLet(p, "_i"));
    assertEquals("String", typeOfLet(p, "_j"));
    assertEquals("Quantity?", typeOfLet(p, "_k"));
    assertEquals("Map<String, List<Int>>", typeOfLet(p, "_l"));
  }

  @Test
  void anExpectedTypeDecidesEmptyLiteralsAndNull() {
    var p = runbook("""
        let _a: List<String> = []
        let _b: Map<String, Int> = {}
        let _c: Int? = null
        let _d: List<Int?> = [1, null]
        let _e = Service(name: "x", resources: null)
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals("List<String>", typeOfLet(p, "_a"));
    assertEquals("Map<String, Int>", typeOfLet(p, "_b"));
    assertEquals("Int?", typeOfLet(p, "_c"));
    assertEquals("List<Int?>", typeOfLet(p, "_d"));
  }

  @Test
  void withoutAnExpectedTypeEmptyLiteralsAndNullCannotBeInferred() {
    var p = runbook("""
        let _a = []
        let _b = {}
        let _c = null
        let _d = x -> x
        """);
    assertEquals(List.of(Code.AEG222, Code.AEG222, Code.AEG222, Code.AEG222), codes(p), () -> render(p));
  }

  @Test
  void noImplicitConversions() {
    var p = runbook("""
        let _a: Float = 1
        let _b: String = 1
        let _c = 1 + 1.0
        let _d: Int = 1.0
        """);
    assertEquals(List.of(Code.AEG202, Code.AEG202, Code.AEG202, Code.AEG202), codes(p), () -> render(p));
  }

  @Test
  void anErrorIsReportedOnceAndDoesNotCascade() {
    var p = runbook("""
        let a = nope
        let b = a.field.other + 1
        let c = [b, b.x]
        let _d = c[0].y(a, b)
        check a else fail "${b}"
        """);
    assertEquals(List.of(Code.AEG201), codes(p), () -> render(p));
  }

  @Test
  void optionalsMustBeUnwrappedBeforeUse() {
    var p = runbook("""
        param env: Environment
        let s = env.services[0].resources
        let _a = s.cpu
        let _b: Quantity = s?.cpu
        let _c = s?.cpu ?? 1
        """);
    assertEquals(List.of(Code.AEG214, Code.AEG214), codes(p), () -> render(p));
    assertEquals("Quantity", typeOfLet(p, "_c"));
  }

  @Test
  void ifBranchesJoinToOneType() {
    var p = runbook("""
        let _a = if true then 1 else 2
        let _b = if 1 > 0 then 1 else "x"
        """);
    assertEquals(List.of(Code.AEG216, Code.AEG202), codes(p), () -> render(p));
    assertEquals("Int", typeOfLet(p, "_a"));
  }
}
