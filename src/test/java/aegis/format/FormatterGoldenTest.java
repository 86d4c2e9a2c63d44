package aegis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: {@code golden/format/NAME.aegis} formats to {@code NAME.fmt}, and the result means
 * the same, keeps every comment and formats to itself. Regenerate the expectations with
 * {@code -Dgolden.update=true} and review the diff.
 */
class FormatterGoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden/format");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Path> inputs() throws IOException {
    try (var files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".aegis")).sorted().toList().stream();
    }
  }

  @TestFactory
  Stream<DynamicTest> goldenFiles() throws IOException {
    var inputs = inputs().toList();
    assertTrue(inputs.size() >= 25, "expected at least 25 golden inputs in " + DIR + ", found " + inputs.size());
    return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
      String name = input.getFileName().toString();
      String formatted = FormatChecks.formatChecked(name, Files.readString(input));
      Path expected = input.resolveSibling(name.replaceFirst("\\.aegis$", ".fmt"));
      if (UPDATE) {
        Files.writeString(expected, formatted);
      } else {
        assertTrue(Files.exists(expected), () -> expected + " is missing; run with -Dgolden.update=true");
        assertEquals(Files.readString(expected), formatted, () -> name + " formats differently from " + expected.getFileName());
      }
    }));
  }
}
