package aegis.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module file imported by many runbooks is checked once per registry, as long as its text is the
 * same and it imports stdlib modules only; otherwise it is checked again.
 */
class ModuleFileReuseTest {
  @TempDir
  Path dir;

  Checker checker;

  @BeforeEach
  void setUp() throws IOException {
    checker = new Checker(new ModuleRegistry(ModuleLoader.classpath()));
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/rows.aegis"), "module rows\nimport http\nfn label(s: String) -> String = \"[${s}]\"\n");
  }

  private CheckedProgram runbook(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    String text = "runbook " + name.replace(".aegis", "") + " \"t\"\nimport \"lib/rows.aegis\" as rows\n" + body;
    Files.writeString(file, text);
    var p = checker.check(SourceFile.of(file, text));
    assertTrue(p.diagnostics().stream().noneMatch(d -> d.isError()), () -> DiagnosticRenderer.render(p.diagnostics(), false));
    return p;
  }

  private static ModuleInfo rows(CheckedProgram p) {
    return p.imports().stream().filter(i -> i.alias().equals("rows")).findFirst().orElseThrow().module();
  }

  @Test
  void twoRunbooksShareTheCheckedModule() throws IOException {
    var a = runbook("a.aegis", "let x = rows.label(\"a\")\nreport \"x\" x\n");
    var b = runbook("b.aegis", "let y = rows.label(\"b\")\nreport \"y\" y\n");
    assertSame(rows(a), rows(b));
  }

  @Test
  void anEditedModuleIsCheckedAgain() throws IOException {
    var a = runbook("a.aegis", "let x = rows.label(\"a\")\nreport \"x\" x\n");
    Files.writeString(dir.resolve("lib/rows.aegis"),
        "module rows\nfn label(s: String) -> String = \"[${s}]\"\nfn shout(s: String) -> String = s.upper()\n");
    var b = runbook("b.aegis", "let y = rows.shout(\"b\")\nreport \"y\" y\n");
    assertNotSame(rows(a), rows(b));
    assertEquals(2, rows(b).functions().size());
  }

  @Test
  void aModuleThatImportsAnotherFileIsCheckedEveryTime() throws IOException {
    Files.writeString(dir.resolve("lib/base.aegis"), "module base\nfn one() -> Int = 1\n");
    Files.writeString(dir.resolve("lib/rows.aegis"),
        "module rows\nimport \"base.aegis\" as base\nfn label(s: String) -> String = \"[${s}${base.one()}]\"\n");
    var a = runbook("a.aegis", "let x = rows.label(\"a\")\nreport \"x\" x\n");
    var b = runbook("b.aegis", "let y = rows.label(\"b\")\nreport \"y\" y\n");
    assertNotSame(rows(a), rows(b));
  }
}
