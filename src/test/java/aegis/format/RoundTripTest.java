package aegis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every aegis file of the repository that parses (the stdlib, the environments, the runbooks and
 * all golden inputs, whatever exists when the test runs) formats to text that parses to the same
 * tree, keeps every comment, and formats to itself.
 */
class RoundTripTest {
  private static final List<Path> ROOTS = List.of(Path.of("stdlib"), Path.of("environments"), Path.of("runbooks"),
      Path.of("src/test/resources/golden"));

  static List<Path> aegisFiles() throws IOException {
    var out = new ArrayList<Path>();
    for (var root : ROOTS) {
      if (!Files.isDirectory(root)) continue;
      try (var files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".aegis") && Files.isRegularFile(p)).sorted().forEach(out::add);
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyFileRoundTrips() throws IOException {
    var files = aegisFiles();
    assertFalse(files.isEmpty(), "no .aegis files found under " + ROOTS);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      String text = read(file);
      // Golden inputs of other areas may be broken on purpose (not UTF-8, syntax errors): not ours to format.
      boolean othersFixture = file.startsWith("src/test/resources/golden") && !file.startsWith(FormatterGoldenTest.DIR);
      if (othersFixture && (text == null || FormatChecks.parse(file.toString(), text).hasErrors())) return;
      assertNotNull(text, () -> file + " is not UTF-8");
      FormatChecks.formatChecked(file.toString(), text);
    }));
  }

  /** What `aegis fmt --check stdlib/ environments/ runbooks/` would say: the project keeps its own files formatted. */
  @TestFactory
  Stream<DynamicTest> theProjectsOwnFilesAreFormatted() throws IOException {
    return aegisFiles().stream().filter(f -> !f.startsWith("src/test")).map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      String text = read(file);
      assertEquals(FormatChecks.formatChecked(file.toString(), text), text, () -> file + " is not formatted: run `./aegis fmt " + file + "`");
    }));
  }

  /** The file's text, or null when it is not UTF-8. */
  static String read(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
