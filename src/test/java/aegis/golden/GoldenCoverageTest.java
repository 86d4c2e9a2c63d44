package aegis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every syntax and type diagnostic has at least one golden file that shows it. */
class GoldenCoverageTest {
  /** Codes no input can produce on purpose, each with the test that covers it instead. */
  private static final Set<Code> NOT_FROM_INPUT = Set.of(
      Code.AEG113 /* only `aegis fmt` reports it: FormatterTest */,
      Code.AEG299 /* an internal checker failure: RobustnessTest.anInternalFailureBecomesADiagnostic */);

  private static final Pattern CODE = Pattern.compile("(?:error|warning|info)\\[(AEG\\d{3})\\]");

  @Test
  void everySyntaxAndTypeCodeAppearsInAGoldenFile() throws IOException {
    var seen = new TreeSet<String>();
    for (var area : GoldenTest.AREAS) {
      for (var input : GoldenTest.inputs(area)) {
        var err = input.resolveSibling(input.getFileName().toString().replace(".aegis", ".err"));
        if (!Files.exists(err)) continue;
        var m = CODE.matcher(Files.readString(err));
        while (m.find()) seen.add(m.group(1));
      }
    }
    var missing = new ArrayList<String>();
    for (var code : Code.values()) {
      boolean inRange = code.name().startsWith("AEG1") || code.name().startsWith("AEG2");
      if (inRange && !NOT_FROM_INPUT.contains(code) && !seen.contains(code.name())) missing.add(code.name());
    }
    assertEquals(new ArrayList<String>(), missing, "codes without a golden file");
  }

  @Test
  void thereAreEnoughGoldenInputs() {
    int inputs = GoldenTest.AREAS.stream().mapToInt(a -> GoldenTest.inputs(a).size()).sum();
    assertTrue(inputs >= 60, "only " + inputs + " golden inputs");
  }
}
