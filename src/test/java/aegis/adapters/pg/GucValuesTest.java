package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GucValuesTest {
  @Test
  void comparesNumbersInTheSettingsUnit() {
    assertTrue(GucValues.same("128MB", "16384", "8kB", "integer"));
    assertTrue(GucValues.same("1GB", "1024", "MB", "integer"));
    assertTrue(GucValues.same("1s", "1000", "ms", "integer"));
    assertTrue(GucValues.same("5min", "300", "s", "integer"));
    assertTrue(GucValues.same("1000", "1000", "ms", "integer"));
    assertFalse(GucValues.same("1000", "-1", "ms", "integer"));
    assertFalse(GucValues.same("2GB", "1024", "MB", "integer"));
    assertFalse(GucValues.same("lots", "1024", "MB", "integer"), "what cannot be read is shown as pending");
  }

  @Test
  void comparesBooleansAndWords() {
    assertTrue(GucValues.same("true", "on", null, "bool"));
    assertTrue(GucValues.same("0", "off", null, "bool"));
    assertFalse(GucValues.same("on", "off", null, "bool"));
    assertTrue(GucValues.same("DDL", "ddl", null, "enum"));
    assertFalse(GucValues.same("pg_stat_statements", "", null, "string"));
  }
}
