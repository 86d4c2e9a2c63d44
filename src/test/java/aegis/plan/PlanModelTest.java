package aegis.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.syntax.ast.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanModelTest {

  @Test
  void theSummaryCountsEveryOperation() {
    PlanSummary s = SamplePlans.deploy().summary();
    assertEquals(new PlanSummary(1, 3, 0, 1, 1, 1, 1), s);
    assertTrue(s.hasChanges());
    assertEquals("1 to create, 3 to change, 0 to delete, 1 to run; 1 destructive (needs approval); 1 conditional", s.describe());
    assertEquals(new PlanSummary(0, 0, 1, 0, 1, 0, 1), SamplePlans.offlineRollback().summary());
  }

  @Test
  void unchangedActionsAreNotChanges() {
    Plan plan = SamplePlans.noChanges();
    assertFalse(plan.hasChanges());
    assertEquals(1, plan.summary().unchanged());
    assertEquals("no changes", plan.summary().describe());
  }

  @Test
  void detailedExitCodes() {
    assertEquals(PlanExitCode.SUCCESS, PlanExitCode.of(SamplePlans.noChanges(), true));
    assertEquals(PlanExitCode.CHANGES, PlanExitCode.of(SamplePlans.deploy(), true));
    assertEquals(2, PlanExitCode.CHANGES);
    assertEquals(PlanExitCode.SUCCESS, PlanExitCode.of(SamplePlans.deploy(), false), "without the flag, changes exit 0");
    Plan broken = withDiagnostics(SamplePlans.noChanges(), new PlanDiagnostic("AEG303", "error", null, "pg refused", List.of()));
    assertEquals(PlanExitCode.ERROR, PlanExitCode.of(broken, true));
    assertEquals(1, PlanExitCode.ERROR);
  }

  @Test
  void actionsAreWritesOrDestructiveAndBelongToAStep() {
    var e = assertThrows(IllegalArgumentException.class, () -> new PlannedAction("a1", "s1", "pg.query", Target.of("pg", null, "db"),
        Effect.READ, Operation.RUN, null, null, null, null, null, null));
    assertEquals("action a1 has effect READ; planned actions are write or destructive", e.getMessage());
    var orphan = new PlannedAction("a1", "s9", null, Target.of("pg", null, "db"), Effect.WRITE, Operation.RUN, null, null, null, null, null, null);
    var wrongStep = assertThrows(IllegalArgumentException.class, () -> new Plan(1, "p", SamplePlans.CREATED, null, SamplePlans.deployRunbook(),
        SamplePlans.production(), null, false, List.of(new PlannedStep("s1", "x", Effect.WRITE, null)), List.of(orphan), null, null));
    assertEquals("action a1 names an unknown step s9", wrongStep.getMessage());
  }

  @Test
  void targetsReadAsPeopleNameThem() {
    assertEquals("k8s Deployment aegis/api-gateway", Target.k8s("Deployment", "aegis", "api-gateway").display());
    assertEquals("k8s Namespace aegis", Target.k8s("Namespace", null, "aegis").display());
    assertEquals("vault secret/aegis/postgresql", Target.of("vault", null, "secret/aegis/postgresql").display());
    assertEquals("known after apply: result of k8s.apply at deploy.aegis:42:5",
        Conditional.on("result of k8s.apply", "deploy.aegis:42:5").describe());
  }

  @Test
  void diffedActionsDiffRealValuesAndStoreRedactedTrees() {
    var live = SamplePlans.json("{'kind': 'Secret', 'data': {'token': 'b2xk'}}");
    var desired = SamplePlans.json("{'kind': 'Secret', 'data': {'token': 'bmV3'}}");
    var a = PlannedAction.diffed("a1", "s1", "k8s.ensureSecret", Target.k8s("Secret", "aegis", "t"), Effect.WRITE, Operation.UPDATE,
        null, desired, live, null, null);
    assertEquals(1, a.diff().size(), "the real values differ");
    assertTrue(a.diff().getFirst().sensitive());
    assertEquals(PlanValues.sensitive(), a.desired().at("/data/token"));
    assertEquals(PlanValues.sensitive(), a.live().at("/data/token"));
    var same = PlannedAction.diffed("a1", "s1", "k8s.ensureSecret", Target.k8s("Secret", "aegis", "t"), Effect.WRITE, Operation.NOOP,
        null, desired, desired.deepCopy(), null, null);
    assertEquals(List.of(), same.diff(), "equal secrets are no change even though both print as (sensitive)");
  }

  private static Plan withDiagnostics(Plan p, PlanDiagnostic d) {
    return new Plan(p.schemaVersion(), p.id(), p.createdAt(), p.aegisVersion(), p.runbook(), p.environment(), p.inputs(), p.offline(),
        p.steps(), p.actions(), p.liveReads(), List.of(d));
  }
}
