package aegis.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's own aegis files check: every stdlib module (as packaged, from the classpath)
 * without a single diagnostic, every runbook, library module and environment without errors.
 * Skipped while the repository has no such files.
 */
class RealSourcesTest {
  private static List<Path> aegisFiles(String... dirs) throws IOException {
    var out = new ArrayList<Path>();
    for (var dir : dirs) {
      var d = Path.of(dir);
      if (!Files.isDirectory(d)) continue;
      try (Stream<Path> files = Files.list(d)) {
        files.filter(p -> p.toString().endsWith(".aegis")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void everyStdlibModuleChecksWithoutDiagnostics() throws IOException {
    var files = aegisFiles("stdlib");
    assumeFalse(files.isEmpty(), "no stdlib/*.aegis yet");
    var registry = new ModuleRegistry(ModuleLoader.classpath());
    var names = new TreeSet<String>();
    for (var f : files) names.add(f.getFileName().toString().replace(".aegis", ""));
    assertEquals(names, new TreeSet<>(registry.stdlibNames()), "the packaged stdlib is the stdlib/ folder");
    var problems = new ArrayList<Diagnostic>();
    for (var name : names) {
      var module = registry.stdlib(name);
      assertNotNull(module, name);
      assertEquals(name, module.name(), "stdlib/" + name + ".aegis must declare `module " + name + "`");
      problems.addAll(module.program().diagnostics());
    }
    assertEquals(List.of(), problems, () -> DiagnosticRenderer.render(problems, false));
  }

  @Test
  void everyRunbookAndEnvironmentChecksWithoutErrors() throws IOException {
    var files = aegisFiles("runbooks", "runbooks/lib", "environments");
    assumeFalse(files.isEmpty(), "no runbooks or environments yet");
    var checker = new Checker(new ModuleRegistry(ModuleLoader.classpath()));
    var errors = new ArrayList<Diagnostic>();
    for (var f : files) {
      var program = checker.check(SourceFile.of(f, Files.readString(f)));
      program.diagnostics().stream().filter(Diagnostic::isError).forEach(errors::add);
    }
    assertEquals(List.of(), errors, () -> DiagnosticRenderer.render(errors, false));
  }
}
