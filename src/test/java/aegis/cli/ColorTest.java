package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour only on a terminal, never with NO_COLOR unless asked for explicitly. */
class ColorTest {
  static final String ESC = "\u001b[";

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(dir.resolve("broken.aegis"), CheckCommandTest.BROKEN);
  }

  String check(CliRunner aegis, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "check";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 1] = "broken.aegis";
    var r = aegis.run(args);
    assertEquals(ExitCode.FAILURE.code(), r.exit(), r::toString);
    return r.out();
  }

  @Test
  void aTerminalGetsColour() {
    assertTrue(check(new CliRunner(dir).interactive()).contains(ESC));
  }

  @Test
  void aPipeGetsNone() {
    assertFalse(check(new CliRunner(dir)).contains(ESC));
  }

  @Test
  void noColorTurnsItOffOnATerminal() {
    assertFalse(check(new CliRunner(dir).interactive().env("NO_COLOR", "1")).contains(ESC));
  }

  @Test
  void anEmptyNoColorDoesNot() {
    assertTrue(check(new CliRunner(dir).interactive().env("NO_COLOR", "")).contains(ESC));
  }

  @Test
  void aDumbTerminalGetsNone() {
    assertFalse(check(new CliRunner(dir).interactive().env("TERM", "dumb")).contains(ESC));
  }

  @Test
  void neverWinsOnATerminal() {
    assertFalse(check(new CliRunner(dir).interactive(), "--color=never").contains(ESC));
  }

  @Test
  void alwaysColoursAPipeAndOverridesNoColor() {
    assertTrue(check(new CliRunner(dir), "--color", "always").contains(ESC));
    assertTrue(check(new CliRunner(dir).env("NO_COLOR", "1"), "--color=ALWAYS").contains(ESC));
  }

  @Test
  void helpHasNoColourUnderNoColor() {
    var r = new CliRunner(dir).interactive().env("NO_COLOR", "1").run("check", "--help");
    assertEquals(0, r.exit());
    assertFalse(r.out().contains(ESC), r::toString);
  }

  @Test
  void aBadColourIsAUsageError() {
    var r = new CliRunner(dir).run("check", "--color=sometimes", "broken.aegis");
    assertEquals(ExitCode.USAGE.code(), r.exit(), r::toString);
    assertTrue(r.err().contains("--color"), r::toString);
  }
}
