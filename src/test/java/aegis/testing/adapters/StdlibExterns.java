package aegis.testing.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.BuiltinModule;
import aegis.adapters.BuiltinRegistry;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Effect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code extern fn}s of a stdlib module, read from {@code stdlib/<module>.aegis}, and a check of a module against them. */
public final class StdlibExterns {
  private StdlibExterns() {}

  /** Every extern of the module by name, with its effect. */
  public static Map<String, Effect> of(String module) throws IOException {
    var path = Path.of("stdlib", module + ".aegis");
    var result = Parser.parse(SourceFile.of(path, Files.readString(path)));
    assertTrue(result.diagnostics().isEmpty(), path + " does not parse");
    var externs = new TreeMap<String, Effect>();
    for (var decl : result.ast().decls()) {
      if (decl instanceof Decl.ExternFn fn) externs.put(fn.name().name(), fn.effect());
    }
    return externs;
  }

  /**
   * The module implements exactly the externs its stdlib file declares, previews every
   * {@code write} and {@code destructive} one, and previews nothing else.
   */
  public static void assertBound(BuiltinModule module) throws IOException {
    var declared = of(module.name());
    var registry = new BuiltinRegistry(List.of(module));
    assertEquals(declared.keySet().stream().map(n -> module.name() + "." + n).sorted().toList(),
        registry.names().stream().sorted().toList(), "implemented vs declared in stdlib/" + module.name() + ".aegis");
    declared.forEach((name, effect) -> {
      boolean writes = effect == Effect.WRITE || effect == Effect.DESTRUCTIVE;
      boolean previewed = registry.find(module.name(), name).orElseThrow().preview() != null;
      assertEquals(writes, previewed, module.name() + "." + name + " (" + effect + ") preview");
    });
  }
}
