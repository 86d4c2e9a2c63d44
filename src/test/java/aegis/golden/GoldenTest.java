package aegis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.source.LoadResult;
import aegis.source.SourceLoader;
import aegis.syntax.Parser;
import aegis.types.Checker;
import aegis.types.ModuleLoader;
import aegis.types.ModuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden files: each {@code src/test/resources/golden/<area>/<name>.aegis} is run and its
 * diagnostics, rendered plainly, must equal {@code <name>.err} (empty when there are none).
 * Areas: {@code syntax} (parse only) and {@code check} (parse and check, against the test stdlib
 * in {@code golden/check/stdlib/}). Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden");
  static final List<String> AREAS = List.of("syntax", "check");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  /**
   * Inputs are read the way {@code aegis check} reads files, with a limit small enough that one
   * input ({@code syntax/too_large.aegis}) can exceed it; every other input stays well below.
   */
  static final long MAX_INPUT_BYTES = 8 * 1024;
  private static final SourceLoader READER = new SourceLoader(MAX_INPUT_BYTES);
  private static final Checker CHECKER =
      new Checker(new ModuleRegistry(ModuleLoader.directory(ROOT.resolve("check/stdlib"))));

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    return AREAS.stream().flatMap(area -> inputs(area).stream()
        .map(input -> DynamicTest.dynamicTest(area + "/" + input.getFileName(), input.toUri(), () -> run(area, input))));
  }

  /**
   * The golden inputs of an area: its top-level {@code .aegis} entries (other subfolders hold what
   * they import; {@code syntax/directory.aegis} is a folder on purpose).
   */
  static List<Path> inputs(String area) {
    try (var files = Files.list(ROOT.resolve(area))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".aegis")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void run(String area, Path input) throws IOException {
    List<Diagnostic> diagnostics = switch (READER.load(input, area + "/" + input.getFileName())) {
      case LoadResult.Rejected r -> List.of(r.problem());
      case LoadResult.Loaded l -> area.equals("syntax")
          ? Parser.parse(l.file()).diagnostics()
          : CHECKER.check(l.file()).diagnostics();
    };
    String actual = DiagnosticRenderer.render(diagnostics, false);
    var expectedFile = input.resolveSibling(input.getFileName().toString().replace(".aegis", ".err"));
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "<no .err file: run with -Dgolden.update=true>";
    assertEquals(expected, actual, input.toString());
  }
}
