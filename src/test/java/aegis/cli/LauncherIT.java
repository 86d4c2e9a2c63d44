package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./aegis} launcher, end to end, in a subprocess. Runs in the integration-test
 * phase (failsafe), after {@code package} made the jar, so the launcher finds it fresh instead of
 * building it under a running test. Tagged {@code launcher}: skip with
 * {@code -Dsurefire.excludedGroups=benchmark,launcher} (or all ITs with {@code -DskipITs}); skipped
 * by itself where there is no bash.
 */
@Tag("launcher")
@EnabledIf("bashIsAvailable")
class LauncherIT {
  static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir
  Path dir;

  static boolean bashIsAvailable() {
    return Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
  }

  record Run(int exit, String out, String err) {}

  Run launch(String... args) throws IOException, InterruptedException {
    return launchWith(null, args);
  }

  /** {@link #launch} with {@code AEGIS_JAVA_OPTS} set to {@code javaOpts} (none when null). */
  Run launchWith(String javaOpts, String... args) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("aegis").toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    var builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().remove("AEGIS_JAVA_OPTS");
    if (javaOpts != null) builder.environment().put("AEGIS_JAVA_OPTS", javaOpts);
    Process p = builder.start();
    p.getOutputStream().close();
    // A first run on a fresh clone builds the jar; generous, but bounded.
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "./aegis finished");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionRunsTheJarBuiltFromThisTree() throws Exception {
    var r = launch("--version");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("aegis " + VersionProvider.version() + "\nJava "), r::toString);
  }

  @Test
  void exitCodesAndOutputPassThroughUntouched() throws Exception {
    Files.writeString(dir.resolve("broken.aegis"), CheckCommandTest.BROKEN);
    var r = launch("check", "--format", "json", "broken.aegis", "missing.aegis");
    assertEquals(ExitCode.BAD_INPUT.code(), r.exit(), r::toString);
    // Nothing but the document on stdout: no JVM or cache warnings.
    var doc = new ObjectMapper().readTree(r.out());
    assertEquals(2, doc.get("files").size(), r::toString);
    assertEquals(3, doc.get("summary").get("exitCode").asInt());
  }

  @Test
  void heapSizesGivenInAegisJavaOptsReplaceTheLaunchers() throws Exception {
    // check starts with an 80 MiB heap of its own; a smaller -Xmx must not stop the JVM.
    Files.writeString(dir.resolve("ok.aegis"), "runbook ok \"fine\"\nstep \"s\" {\n}\n");
    var r = launchWith("-Xmx64m", "check", "ok.aegis");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("checked 1 file"), r::toString);
  }

  @Test
  void theLibrariesPrintNothingOfTheirOwn() throws Exception {
    // fabric8's SLF4J facade, with no provider in the jar, printed three warning lines into every plan.
    var r = launch("plan", ROOT.resolve("runbooks/daily-check.aegis").toString(),
        "--env", ROOT.resolve("environments/staging.aegis").toString(), "--offline");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("Plan for "), r::toString);
    assertFalse(r.err().contains("SLF4J"), r::toString);
  }

  @Test
  void theJarStartsWithTheWholeStdlib() throws Exception {
    // ClasspathModuleLoader streams the stdlib from the jar's first entries (a JarFile would read
    // all ~37 000 central-directory entries first): they must be there, together, and complete.
    Path jar;
    try (var files = Files.list(ROOT.resolve("target"))) {
      jar = files.filter(f -> f.getFileName().toString().endsWith("-all.jar")).findFirst().orElseThrow();
    }
    var head = new java.util.ArrayList<String>();
    try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(jar))) {
      for (var e = zip.getNextEntry(); e != null && head.size() < 64; e = zip.getNextEntry()) head.add(e.getName());
    }
    var modules = head.stream().filter(n -> n.startsWith("stdlib/") && n.endsWith(".aegis")).toList();
    int first = head.indexOf(modules.getFirst());
    assertEquals(modules, head.subList(first, first + modules.size()), "stdlib entries together: " + head);
    try (var files = Files.list(ROOT.resolve("stdlib"))) {
      assertEquals(files.map(f -> "stdlib/" + f.getFileName()).sorted().toList(), modules.stream().sorted().toList());
    }
  }
}
