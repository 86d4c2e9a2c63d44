package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.exec.Workspace;
import aegis.syntax.ast.Header;
import aegis.types.Checker;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A runbook gets the slow servers (PostgreSQL, Neo4j, Kubernetes) only when it calls them. */
class SandboxNeedsTest {
  private static final Set<Component> CHEAP = EnumSet.of(Component.VAULT, Component.FIXTURES, Component.PROMETHEUS,
      Component.ALERTMANAGER, Component.SMTP, Component.TLS);

  private static Set<Component> needs(String runbook) throws Exception {
    var workspace = new Workspace(Checker.standard(), SandboxLayoutTest.ROOT);
    return SandboxNeeds.of(workspace.checked(Path.of("runbooks", runbook), Header.Kind.RUNBOOK));
  }

  private static Set<Component> cheapAnd(Component... more) {
    var set = EnumSet.copyOf(CHEAP);
    set.addAll(Set.of(more));
    return set;
  }

  @Test
  void dailyCheckNeedsEveryDatabaseAndTheCluster() throws Exception {
    assertEquals(cheapAnd(Component.POSTGRES, Component.NEO4J, Component.KUBERNETES), needs("daily-check.aegis"));
  }

  @Test
  void importingAModuleForItsTypesIsNotCallingIt() throws Exception {
    // db-maintenance imports lib/rows.aegis, which imports k8s for the types of its rows.
    assertEquals(cheapAnd(Component.POSTGRES, Component.NEO4J), needs("db-maintenance.aegis"));
  }

  @Test
  void anIncidentInTheDatabaseDoesNotWaitForNeo4j() throws Exception {
    assertEquals(cheapAnd(Component.POSTGRES), needs("incident-db-performance.aegis"));
  }

  @Test
  void callsInImportedModulesAndRunRunbooksCount() throws Exception {
    // deploy calls k8s through lib/probes.aegis and runs rollback on failure.
    assertEquals(cheapAnd(Component.POSTGRES, Component.NEO4J, Component.KUBERNETES), needs("deploy.aegis"));
    assertEquals(cheapAnd(Component.KUBERNETES), needs("incident-service-down.aegis"));
  }

  @Test
  void theModulesCalledAreNamed() throws Exception {
    var workspace = new Workspace(Checker.standard(), SandboxLayoutTest.ROOT);
    var program = workspace.checked(Path.of("runbooks", "weekly-review.aegis"), Header.Kind.RUNBOOK);
    assertEquals(Set.of("core", "http", "k8s", "pg", "prom"), SandboxNeeds.modulesCalled(program));
  }
}
