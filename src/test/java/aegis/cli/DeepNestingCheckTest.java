package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis check} on a file nested 50 000 deep: an error with a position, not an internal error (70). */
class DeepNestingCheckTest {
  @TempDir
  Path dir;

  @Test
  void fiftyThousandParenthesesAreASyntaxErrorWithAPosition() throws IOException {
    int n = 50_000;
    Files.writeString(dir.resolve("deep.aegis"),
        "runbook deep \"Deep\"\nlet v = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n");
    var r = new CliRunner(dir).run("check", "deep.aegis");
    assertEquals(ExitCode.FAILURE.code(), r.exit(), r::toString);
    assertTrue(r.out().startsWith("deep.aegis:2:265: error[AEG112]: brackets and strings nest too deeply here"),
        r::toString);
    assertTrue(r.out().endsWith("checked 1 file: 1 error\n"), r::toString);
    assertEquals("", r.err());
  }
}
