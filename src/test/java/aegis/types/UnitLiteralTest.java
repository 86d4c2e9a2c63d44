package aegis.types;

import static aegis.types.Checks.codes;
import static aegis.types.Checks.find;
import static aegis.types.Checks.render;
import static aegis.types.Checks.runbook;
import static aegis.types.Checks.typeOfLet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.diagnostics.Code;
import aegis.syntax.ast.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code 10m} is minutes or millicores by context; {@code 4Gi} is always a quantity. */
class UnitLiteralTest {
  @Test
  void theExpectedTypeDecidesWhatMMeans() {
    var p = runbook("""
        let _d = 10m
        let _q: Quantity = 10m
        let _r = Resources(cpu: 500m, memory: 512Mi)
        let _big = 4Gi
        let _plain: Quantity = 2
        let _frac: Quantity = 1.5
        let _ms = 250ms
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals("Duration", typeOfLet(p, "_d"));
    assertEquals("Quantity", typeOfLet(p, "_q"));
    assertEquals("Quantity", p.typeOf(find(p, Expr.UnitLit.class, "500m")).display());
    assertEquals("Quantity", typeOfLet(p, "_big"));
    assertEquals("Quantity", typeOfLet(p, "_plain"));
    assertEquals("Quantity", typeOfLet(p, "_frac"));
    assertEquals("Duration", typeOfLet(p, "_ms"));
  }

  @Test
  void theOtherOperandOfAComparisonIsTheExpectedType() {
    var p = runbook("""
        let q: Quantity = 2000m
        let _a = q < 500m
        let _b = 500m < q
        let d = 5m
        let _c = d > 30s
        let _e = d * 2
        let _f = 2 * d
        let _g = d + 1h
        """);
    assertEquals(List.of(), p.diagnostics(), () -> render(p));
    assertEquals("Quantity", p.typeOf(find(p, Expr.UnitLit.class, "500m")).display());
    assertEquals("Duration", typeOfLet(p, "_e"));
    assertEquals("Duration", typeOfLet(p, "_f"));
    assertEquals("Duration", typeOfLet(p, "_g"));
  }

  @Test
  void aUnitThatOnlyOneKindHasIsAMismatchElsewhere() {
    var p = runbook("""
        let _a: Duration = 4Gi
        let _b: Quantity = 30s
        let _c: Duration = 30
        let _d = 5m + 500Mi
        """);
    assertEquals(List.of(Code.AEG202, Code.AEG202, Code.AEG202, Code.AEG202), codes(p), () -> render(p));
  }
}
