package aegis.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.types.ModuleRegistry;
import aegis.types.Symbol;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every {@code extern fn} of the stdlib has exactly one Java implementation in {@link Builtins},
 * and every implementation has a declaration: a build with one side missing fails here.
 */
class BuiltinsBindingTest {
  @Test
  void everyDeclarationIsImplementedAndEveryImplementationDeclared() {
    var registry = ModuleRegistry.standard();
    var declared = new TreeSet<String>();
    for (String module : registry.stdlibNames()) {
      for (Symbol s : registry.stdlib(module).declarations()) {
        if (s.kind() == Symbol.Kind.EXTERN_FUNCTION) declared.add(module + "." + s.name());
      }
    }
    var implemented = new TreeSet<>(Builtins.registry().names());
    var missing = new TreeSet<>(declared);
    missing.removeAll(implemented);
    var undeclared = new TreeSet<>(implemented);
    undeclared.removeAll(declared);
    assertEquals(new TreeSet<String>(), missing, "declared in stdlib/ but not implemented");
    assertEquals(new TreeSet<String>(), undeclared, "implemented but not declared in stdlib/");
  }
}
