package aegis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
  private static BigDecimal amount(String number, String suffix) {
    return Quantities.quantity(new BigDecimal(number), suffix).amount();
  }

  @Test
  void everyKubernetesSuffixScalesByItsPower() {
    assertEquals(0, new BigDecimal("0.5").compareTo(amount("500", "m")));
    assertEquals(0, new BigDecimal("2E-9").compareTo(amount("2", "n")));
    assertEquals(0, new BigDecimal("3E-6").compareTo(amount("3", "u")));
    assertEquals(0, new BigDecimal("1500").compareTo(amount("1.5", "k")));
    assertEquals(0, new BigDecimal("7E+18").compareTo(amount("7", "E")));
    assertEquals(0, BigDecimal.valueOf(4L << 30).compareTo(amount("4", "Gi")));
    assertEquals(0, BigDecimal.valueOf(1L << 60).compareTo(amount("1", "Ei")));
    assertEquals(0, new BigDecimal("12").compareTo(amount("12", "")));
    assertEquals("4Gi", Quantities.parseQuantity("4Gi").text());
  }

  @Test
  void suffixesAndDurationUnitsAreTold() {
    for (var s : new String[] {"n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"}) {
      assertTrue(Quantities.isQuantitySuffix(s), s);
    }
    assertFalse(Quantities.isQuantitySuffix("s"));
    assertFalse(Quantities.isQuantitySuffix("ki"));
    assertTrue(Quantities.isDurationUnit("m"));
    assertThrows(IllegalArgumentException.class, () -> Quantities.quantity(BigDecimal.ONE, "parsecs"));
  }

  @Test
  void durationsTakeFractions() {
    assertEquals(Duration.ofMillis(1500), Quantities.duration(new BigDecimal("1.5"), "s"));
    assertEquals(Duration.ofMinutes(90), Quantities.parseDuration("1h30m"));
  }
}
