package aegis.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.SourceFile;
import aegis.types.Checker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What the README promises about the language: its code table is the enum, its examples check clean. */
class ReadmeTest {
  private static final Path README = Path.of("README.md");
  private static final Pattern CODE_ROW = Pattern.compile("^\\| (AEG\\d{3}) \\| (\\w+) \\| (.*) \\|$");
  private static final Pattern AEGIS_BLOCK = Pattern.compile("(?ms)^```aegis\\n(.*?)^```$");
  private static final Pattern HEADER = Pattern.compile("(?m)^(runbook|module|environment) (\\w+)");

  @Test
  void theDiagnosticCodeTableIsTheCodeEnum() throws IOException {
    var inReadme = new ArrayList<String>();
    for (String line : Files.readAllLines(README)) {
      var m = CODE_ROW.matcher(line);
      if (m.matches()) inReadme.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
    }
    var inCode = new ArrayList<String>();
    for (Code c : Code.values()) inCode.add(c.name() + " | " + c.defaultSeverity().label() + " | " + c.summary());
    assertEquals(String.join("\n", inCode), String.join("\n", inReadme),
        "README.md's table of diagnostic codes differs from aegis.diagnostics.Code");
  }

  /**
   * Every {@code ```aegis} block that is a whole file checks without errors, as if it were in
   * {@code runbooks/} (so that {@code run rollback(...)} finds the real rollback runbook).
   */
  @TestFactory
  Stream<DynamicTest> everyWholeFileExampleChecksClean() throws IOException {
    var blocks = new ArrayList<String>();
    var m = AEGIS_BLOCK.matcher(Files.readString(README));
    while (m.find()) blocks.add(m.group(1));
    List<DynamicTest> tests = new ArrayList<>();
    for (String block : blocks) {
      var header = HEADER.matcher(block);
      if (!header.find()) continue;
      String name = (header.group(1).equals("module") ? "runbooks/lib/" : "runbooks/") + header.group(2) + ".aegis";
      tests.add(DynamicTest.dynamicTest(name, () -> {
        var checked = Checker.standard().check(SourceFile.of(Path.of(name), block));
        assertTrue(checked.diagnostics().stream().noneMatch(d -> d.isError()),
            () -> DiagnosticRenderer.render(checked.diagnostics(), false));
      }));
    }
    assertTrue(tests.size() >= 3, "the tour has at least three whole-file examples, found " + tests.size());
    return tests.stream();
  }
}
