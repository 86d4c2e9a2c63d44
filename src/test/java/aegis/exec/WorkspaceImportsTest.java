package aegis.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.types.Checker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run learns which stdlib modules its runbook imports once the runbook is parsed, to prepare their adapters. */
class WorkspaceImportsTest {
  @Test
  void theRunbooksOwnStdlibImportsAreToldOnceInOrder() throws Workspace.LoadException {
    var told = new ArrayList<Set<String>>();
    var loaded = new Workspace(Checker.standard(), Path.of("").toAbsolutePath())
        .load(Path.of("runbooks/daily-check.aegis"), "sandbox", told::add);
    // `import "lib/rows.aegis" as rows` is a file, not a stdlib module; the environment's imports are not the runbook's.
    assertEquals(List.of(List.of("k8s", "http", "pg", "neo4j", "prom")), told.stream().map(List::copyOf).toList());
    assertEquals("sandbox", loaded.environmentName());
  }
}
