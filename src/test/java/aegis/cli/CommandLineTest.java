package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --help}, {@code --version} and usage errors, on the root and on every subcommand. */
class CommandLineTest {
  @TempDir
  Path dir;

  /** The root ("") and the name of every subcommand. */
  static Stream<String> commands() {
    List<String> all = new ArrayList<>(List.of(""));
    for (var sub : Cli.SUBCOMMANDS) all.add(sub.name());
    return all.stream();
  }

  @org.junit.jupiter.api.Test
  void everySubcommandIsListedUnderTheNameItsModelGives() {
    var context = new CliRunner(dir).context();
    for (var sub : Cli.SUBCOMMANDS) assertEquals(sub.name(), sub.make().apply(context).spec().name(), sub::toString);
  }

  CliRunner.Result run(String command, String option) {
    return new CliRunner(dir).run(command.isEmpty() ? new String[] {option} : new String[] {command, option});
  }

  @ParameterizedTest(name = "aegis {0} --help")
  @MethodSource("commands")
  void helpOnEveryCommandListsUsageAndExitCodes(String command) {
    for (String option : List.of("--help", "-h")) {
      var r = run(command, option);
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().startsWith("Usage: aegis" + (command.isEmpty() ? "" : " " + command)), r::toString);
      assertTrue(r.out().contains("Exit codes:"), r::toString);
      for (ExitCode code : ExitCode.values()) {
        assertTrue(Pattern.compile("(?m)^\\s+" + code.code() + "\\s+\\S").matcher(r.out()).find(),
            () -> "exit code " + code + " documented in\n" + r.out());
      }
    }
  }

  @ParameterizedTest(name = "aegis {0} --version")
  @MethodSource("commands")
  void versionOnEveryCommandComesFromThePom(String command) {
    for (String option : List.of("--version", "-V")) {
      var r = run(command, option);
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().matches("(?s)aegis \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*"), r::toString);
    }
  }

  @Test
  void theVersionIsTheFilteredOne() {
    assertTrue(VersionProvider.version().matches("\\d+\\.\\d+\\.\\d+.*"), VersionProvider.version());
  }

  @Test
  void noCommandShowsUsageOnStderrAndExitsTwo() {
    var r = new CliRunner(dir).run();
    assertEquals(ExitCode.USAGE.code(), r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("aegis: missing command\nUsage: aegis"), r::toString);
  }

  @Test
  void anUnknownCommandSuggestsTheRightOne() {
    var r = new CliRunner(dir).run("chek", "x");
    assertEquals(ExitCode.USAGE.code(), r.exit());
    assertTrue(r.err().contains("check"), r::toString);
    assertTrue(r.err().contains("Run `aegis --help` for usage."), r::toString);
  }

  @Test
  void anUnknownOptionNamesItAndTheCommandsHelp() {
    var r = new CliRunner(dir).run("check", "--frobnicate");
    assertEquals(ExitCode.USAGE.code(), r.exit());
    assertTrue(r.err().startsWith("aegis: Unknown option: '--frobnicate'"), r::toString);
    assertTrue(r.err().contains("Run `aegis check --help` for usage."), r::toString);
  }

  @Test
  void aBadFormatIsAUsageError() {
    var r = new CliRunner(dir).run("check", "--format", "xml", ".");
    assertEquals(ExitCode.USAGE.code(), r.exit());
    assertTrue(r.err().contains("--format"), r::toString);
  }
}
