package aegis.types;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleLoaderTest {
  @Test
  void aModuleNameIsAnIdentifierAndNothingThatCouldReachAnotherResource() {
    for (String ok : new String[] {"k8s", "pg", "_x", "A9_b", "core"}) assertTrue(ModuleLoader.isModuleName(ok), ok);
    for (String bad : new String[] {"", "9pg", "../core", "k8s/pods", "a.b", "a-b", "é", " pg", "pg "}) {
      assertFalse(ModuleLoader.isModuleName(bad), bad);
    }
    assertFalse(ModuleLoader.isModuleName(null));
  }
}
