package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aegis check} in text form: what people see, and the exit codes. */
class CheckCommandTest {
  static final String CLEAN = """
      runbook hello "Say hello"

      step "greet" {
        let x = 1
        check x == 1 else fail "arithmetic broke"
      }
      """;

  /** One syntax error on line 4, column 7 (a `let` without a name). */
  static final String BROKEN = """
      runbook broken "Broken"

      step "s" {
        let = 3
      }
      """;

  @TempDir
  Path dir;

  CliRunner aegis;

  @BeforeEach
  void setUp() {
    aegis = new CliRunner(dir);
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void cleanFileExitsZeroAndSaysSo() throws IOException {
    write("hello.aegis", CLEAN);
    var r = aegis.run("check", "hello.aegis");
    assertEquals(ExitCode.OK.code(), r.exit(), r::toString);
    assertEquals("checked 1 file: no problems\n", r.out(), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void syntaxErrorExitsOneWithLocationCodeSourceLineAndCaret() throws IOException {
    write("broken.aegis", BROKEN);
    var r = aegis.run("check", "broken.aegis");
    assertEquals(ExitCode.FAILURE.code(), r.exit(), r::toString);
    assertTrue(Pattern.compile("(?m)^broken\\.aegis:4:7: error\\[AEG1\\d\\d]: ").matcher(r.out()).find(), r::toString);
    assertTrue(r.out().contains("4 |   let = 3\n"), r::toString);
    assertTrue(r.out().contains("  |       ^\n"), r::toString);
    assertTrue(r.out().endsWith("checked 1 file: 1 error\n"), r::toString);
  }

  @Test
  void withoutPathsChecksTheWorkingDirectory() throws IOException {
    write("runbooks/hello.aegis", CLEAN);
    write("environments/broken.aegis", BROKEN);
    var r = aegis.run("check");
    assertEquals(ExitCode.FAILURE.code(), r.exit(), r::toString);
    assertTrue(r.out().startsWith("environments/broken.aegis:4:7: "), r::toString);
    assertTrue(r.out().endsWith("checked 2 files: 1 error\n"), r::toString);
  }

  @Test
  void directoriesAreWalkedInSortedOrderSkippingHiddenOnesAndOtherExtensions() throws IOException {
    write("rb/b.aegis", BROKEN);
    write("rb/a.aegis", BROKEN);
    write("rb/sub/c.aegis", BROKEN);
    write("rb/.git/d.aegis", BROKEN);
    write("rb/notes.txt", "not aegis");
    var r = aegis.run("check", "rb");
    assertEquals(ExitCode.FAILURE.code(), r.exit(), r::toString);
    int a = r.out().indexOf("rb/a.aegis:4:7");
    int b = r.out().indexOf("rb/b.aegis:4:7");
    int c = r.out().indexOf("rb/sub/c.aegis:4:7");
    assertTrue(a >= 0 && a < b && b < c, r::toString);
    assertFalse(r.out().contains(".git"), r::toString);
    assertTrue(r.out().endsWith("checked 3 files: 3 errors\n"), r::toString);
  }

  @Test
  void aFileNamedExplicitlyIsCheckedWhateverItsExtension() throws IOException {
    write("runbook.txt", BROKEN);
    var r = aegis.run("check", "runbook.txt");
    assertEquals(ExitCode.FAILURE.code(), r.exit(), r::toString);
    assertTrue(r.out().startsWith("runbook.txt:4:7: "), r::toString);
  }

  @Test
  void thousandsOfErrorsShowTheFirstFiftyAndTheCount() throws IOException {
    // Type errors, one per line: the parser stops at 100 syntax errors, the checker reports them all.
    write("big.aegis", "runbook big \"Big\"\nstep \"s\" {\n" + "  check nope == 1 else fail \"x\"\n".repeat(3000) + "}\n");
    var r = aegis.run("check", "big.aegis");
    assertEquals(ExitCode.FAILURE.code(), r.exit());
    assertEquals(50, count(r.out(), "error[AEG"), "diagnostics shown");
    assertTrue(r.out().contains("big.aegis:52:9: error"), "the 50th is line 52");
    assertFalse(r.out().contains("big.aegis:53:9: error"), "the 51st is not shown");
    assertTrue(r.out().contains("... and 2950 more errors in big.aegis"), r::toString);
    assertTrue(r.out().endsWith("checked 1 file: 3000 errors\n"), r::toString);
  }

  @Test
  void maxErrorsChangesTheCapAndZeroShowsAll() throws IOException {
    write("big.aegis", "runbook big \"Big\"\nstep \"s\" {\n" + "  let = 3\n".repeat(60) + "}\n");
    var three = aegis.run("check", "--max-errors", "3", "big.aegis");
    assertEquals(3, count(three.out(), "error[AEG"));
    assertTrue(three.out().contains("... and 57 more errors in big.aegis"), three::toString);
    var all = aegis.run("check", "--max-errors=0", "big.aegis");
    assertEquals(60, count(all.out(), "error[AEG"));
    assertFalse(all.out().contains("more errors"), all::toString);
  }

  @Test
  void negativeMaxErrorsIsAUsageError() {
    var r = aegis.run("check", "--max-errors", "-1", ".");
    assertEquals(ExitCode.USAGE.code(), r.exit(), r::toString);
    assertTrue(r.err().contains("--max-errors must be 0 or more"), r::toString);
  }

  static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
    return n;
  }
}
