package aegis.plan;

import static aegis.plan.SamplePlans.fp;
import static aegis.plan.SamplePlans.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.plan.RunbookSource.FileDigest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanStalenessTest {
  private final Plan saved = SamplePlans.deploy();

  private CurrentState unchanged() {
    return new CurrentState(SamplePlans.deployRunbook(), SamplePlans.production(), SamplePlans.inputs(), SamplePlans.reads());
  }

  @Test
  void aPlanIsCurrentWhenNothingChanged() {
    assertEquals(List.of(), PlanStaleness.compare(saved, unchanged()));
  }

  @Test
  void changedRunbookTextIsReportedWithBothHashes() {
    var now = new CurrentState(RunbookSource.of("runbooks/deploy.aegis", "runbook deploy \"Deploy AegisShield, v2\"\n",
        "9999999999aaaaaaaaaa", SamplePlans.deployRunbook().dependencies()), SamplePlans.production(), SamplePlans.inputs(), SamplePlans.reads());
    String was = Fingerprints.shortHash(saved.runbook().sha256());
    String is = Fingerprints.shortHash(now.runbook().sha256());
    assertEquals(List.of("runbook text changed (sha256 " + was + " -> " + is + ", commit 3f2a1c9d0e -> 9999999999)"),
        PlanStaleness.compare(saved, now));
  }

  @Test
  void changedAddedAndRemovedFilesAreReported() {
    var rb = SamplePlans.deployRunbook();
    var now = new CurrentState(new RunbookSource(rb.path(), rb.sha256(), rb.gitCommit(),
        List.of(FileDigest.of("templates/service.yaml.j2", "kind: StatefulSet\n"), FileDigest.of("lib/common.aegis", "module common\n"))),
        SamplePlans.production(), SamplePlans.inputs(), SamplePlans.reads());
    var reasons = PlanStaleness.compare(saved, now);
    assertEquals(2, reasons.size(), reasons.toString());
    assertEquals(true, reasons.get(0).startsWith("file `templates/service.yaml.j2` changed (sha256 2e15259aa2d9… -> "), reasons.get(0));
    assertEquals("the runbook now also depends on file `lib/common.aegis`", reasons.get(1));
  }

  @Test
  void environmentChangesAreReported() {
    var other = new CurrentState(SamplePlans.deployRunbook(), EnvironmentRef.of("staging", null, "environment staging\n"),
        SamplePlans.inputs(), SamplePlans.reads());
    assertEquals(List.of("environment changed: production -> staging"), PlanStaleness.compare(saved, other));
    var edited = new CurrentState(SamplePlans.deployRunbook(), EnvironmentRef.of("production", null, "environment production // edited\n"),
        SamplePlans.inputs(), SamplePlans.reads());
    String was = Fingerprints.shortHash(saved.environment().sha256());
    String is = Fingerprints.shortHash(edited.environment().sha256());
    assertEquals(List.of("environment `production` definition changed (sha256 " + was + " -> " + is + ")"),
        PlanStaleness.compare(saved, edited));
  }

  @Test
  void inputChangesNameTheInputAndHideSecrets() {
    ObjectNode real = SamplePlans.realInputs();
    real.put("version", "1.2.0");
    real.put("dbPassword", "another-password");
    real.remove("services");
    real.put("dryRun", true);
    var now = new CurrentState(SamplePlans.deployRunbook(), SamplePlans.production(), PlanInputs.of(real, Set.of("dbPassword"), fp()),
        SamplePlans.reads());
    assertEquals(List.of(
        "input `dbPassword` changed (sensitive)",
        "input `services` was removed",
        "input `version` changed (\"1.1.0\" -> \"1.2.0\")",
        "input `dryRun` was added (true)"), PlanStaleness.compare(saved, now));
  }

  @Test
  void theSameInputsHashedForAnotherPlanDoNotMatch() {
    var now = new CurrentState(SamplePlans.deployRunbook(), SamplePlans.production(),
        PlanInputs.of(SamplePlans.realInputs(), Set.of("dbPassword"), Fingerprints.forPlan("another-plan")), SamplePlans.reads());
    assertEquals(3, PlanStaleness.compare(saved, now).size(), "hashes are salted with the plan id");
  }

  @Test
  void liveStateThatChangedIsReportedByCall() {
    var reads = new ArrayList<>(SamplePlans.reads());
    reads.set(1, LiveRead.of("pg.query", json("['aegisshield', 'SELECT relname FROM pg_stat_user_tables']"),
        json("[['alerts'], ['entities'], ['cases']]"), "deploy.aegis:51:9", fp()));
    reads.add(LiveRead.of("http.get", json("['http://api-gateway/health']"), json("{'status': 200}"), "deploy.aegis:61:5", fp()));
    reads.removeFirst();
    var now = new CurrentState(SamplePlans.deployRunbook(), SamplePlans.production(), SamplePlans.inputs(), reads);
    assertEquals(List.of(
        "live read no longer made: k8s.get(\"Deployment\",\"aegis\",\"api-gateway\") at deploy.aegis:30:15",
        "live state changed: pg.query(\"aegisshield\",\"SELECT relname FROM pg_stat_user_tables\") at deploy.aegis:51:9 returned a different result",
        "the runbook now makes a live read the plan did not: http.get(\"http://api-gateway/health\") at deploy.aegis:61:5"),
        PlanStaleness.compare(saved, now));
  }

  @Test
  void anEqualResultWithOtherKeyOrderIsNotAChange() {
    var reads = new ArrayList<>(SamplePlans.reads());
    reads.set(0, LiveRead.of("k8s.get", json("['Deployment', 'aegis', 'api-gateway']"), json("{'spec': {'replicas': 2.0}}"), null, fp()));
    var now = new CurrentState(SamplePlans.deployRunbook(), SamplePlans.production(), SamplePlans.inputs(), reads);
    assertEquals(List.of(), PlanStaleness.compare(saved, now));
  }

  @Test
  void repeatedReadsAreMatchedInOrder() {
    var args = json("['aegis']");
    var plan = new Plan(1, SamplePlans.PLAN_ID, SamplePlans.CREATED, null, SamplePlans.deployRunbook(), SamplePlans.production(),
        SamplePlans.inputs(), false, List.of(), List.of(),
        List.of(LiveRead.of("k8s.pods", args, json("[1]"), null, fp()), LiveRead.of("k8s.pods", args, json("[2]"), null, fp())), List.of());
    var same = List.of(LiveRead.of("k8s.pods", args, json("[1]"), null, fp()), LiveRead.of("k8s.pods", args, json("[2]"), null, fp()));
    var swapped = List.of(LiveRead.of("k8s.pods", args, json("[2]"), null, fp()), LiveRead.of("k8s.pods", args, json("[1]"), null, fp()));
    assertEquals(List.of(), PlanStaleness.compare(plan, new CurrentState(plan.runbook(), plan.environment(), plan.inputs(), same)));
    assertEquals(2, PlanStaleness.compare(plan, new CurrentState(plan.runbook(), plan.environment(), plan.inputs(), swapped)).size());
  }

  @Test
  void anOfflinePlanCannotBeApplied() {
    Plan offline = SamplePlans.offlineRollback();
    var now = new CurrentState(offline.runbook(), offline.environment(), offline.inputs(), List.of());
    assertEquals(List.of("the plan was made with --offline: it read no live state, so it cannot be applied; plan again without --offline"),
        PlanStaleness.compare(offline, now));
  }
}
