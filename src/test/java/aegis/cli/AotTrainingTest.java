package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.SourceFile;
import aegis.types.Checker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The AOT training run points the project's sandbox environment at its stand-in: if the sandbox's
 * definition changes shape, the training must not quietly train against the real sandbox ports
 * (or start a sandbox).
 */
class AotTrainingTest {
  @Test
  void theTrainingEnvironmentIsTheSandboxsOnOtherPortsUnderAnotherName() throws Exception {
    Path sandbox = Path.of("environments/sandbox.aegis");
    String training = AotTraining.environment(Files.readString(sandbox), 40001, 40002, 40003, true);

    assertTrue(training.contains("environment training") && training.contains("name: \"training\""), training);
    assertFalse(training.contains("name: \"sandbox\""), training);
    var sandboxPort = Pattern.compile("(127\\.0\\.0\\.1:|port: )(16443|15432|17687|17474|18200|19090|19093|18080)\\b");
    assertFalse(sandboxPort.matcher(training).find(), () -> "a sandbox port is left in\n" + training);
    assertTrue(training.contains("port: 40002") && training.contains("127.0.0.1:40001"), training);
    assertTrue(training.contains("bolt://127.0.0.1:40003"), "Neo4j's Bolt port: " + training);
    assertTrue(training.contains("port: 40002, user: \"aegis_training\", password: envCredential(\"AEGIS_TRAINING_PG_PASSWORD\")"),
        "PostgreSQL's role and password: " + training);
    assertFalse(AotTraining.environment(Files.readString(sandbox), 40001, 40002, 40003, false).contains("aegis_training"));

    var checked = Checker.standard().check(SourceFile.of(sandbox, training));
    assertEquals(0, checked.diagnostics().stream().filter(d -> d.isError()).count(),
        () -> DiagnosticRenderer.render(checked.diagnostics(), false));
  }

  @Test
  void theTrainingsDatabasesAreStartedByTheirClassName() {
    assertEquals(TrainingDatabases.class.getName(), AotTraining.DATABASES_MAIN);
  }

  @Test
  void everyClassTheTrainingLoadsByNameExists() throws Exception {
    // A list older than the drivers it names trains nothing for them: remake it with
    // src/test/aot/classes.sh when a dependency or the run path changes.
    var names = AotTraining.listedClasses();
    assertTrue(names.size() > 100, () -> "only " + names.size() + " classes listed");
    var gone = new java.util.ArrayList<String>();
    for (String name : names) {
      try {
        Class.forName(name, false, AotTraining.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        gone.add(name);
      }
    }
    assertEquals(java.util.List.of(), gone, "classes the list names that do not exist any more");
  }
}
