package aegis.plan;

import aegis.plan.RunbookSource.FileDigest;
import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deterministic plans shaped like the AegisShield runbooks', for model, JSON and renderer tests. */
final class SamplePlans {
  static final String PLAN_ID = "3b0f8c52-6a3e-4d8e-9a57-0c2f1d7e5b11";
  static final Instant CREATED = Instant.parse("2026-11-12T10:15:30Z");
  /** The real database password used in the secret action: must never appear in any output. */
  static final String DB_PASSWORD = "s3cr3t-Pa55word-never-shown";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SamplePlans() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static Fingerprints fp() {
    return Fingerprints.forPlan(PLAN_ID);
  }

  static RunbookSource deployRunbook() {
    return RunbookSource.of("runbooks/deploy.aegis", "runbook deploy \"Deploy AegisShield\"\n", "3f2a1c9d0e4b5a6c7d8e9f0a1b2c3d4e5f6a7b8c",
        List.of(FileDigest.of("templates/service.yaml.j2", "kind: Deployment\n")));
  }

  static EnvironmentRef production() {
    return EnvironmentRef.of("production", "environments/production.aegis", "environment production\n");
  }

  static ObjectNode realInputs() {
    return (ObjectNode) json("{'version': '1.1.0', 'services': ['api-gateway', 'alert-engine'], 'dbPassword': '" + DB_PASSWORD + "'}");
  }

  static PlanInputs inputs() {
    return PlanInputs.of(realInputs(), Set.of("dbPassword"), fp());
  }

  static List<LiveRead> reads() {
    return List.of(
        LiveRead.of("k8s.get", json("['Deployment', 'aegis', 'api-gateway']"), json("{'spec': {'replicas': 2}}"), "deploy.aegis:30:15", fp()),
        LiveRead.of("pg.query", json("['aegisshield', 'SELECT relname FROM pg_stat_user_tables']"), json("[['alerts'], ['entities']]"),
            "deploy.aegis:51:9", fp()));
  }

  /** The deploy runbook: every operation, a secret, an unknown, a destructive command, a warning. */
  static Plan deploy() {
    var steps = List.of(
        new PlannedStep("s1", "namespace", Effect.WRITE, "deploy.aegis:12:1"),
        new PlannedStep("s2", "database credentials", Effect.WRITE, "deploy.aegis:16:1"),
        new PlannedStep("s3", "deploy api-gateway", Effect.WRITE, "deploy.aegis:24:3"),
        new PlannedStep("s4", "database maintenance", Effect.DESTRUCTIVE, "deploy.aegis:48:1"),
        new PlannedStep("s5", "service health", Effect.READ, "deploy.aegis:60:1"));
    var actions = List.of(
        PlannedAction.diffed("a1", "s1", "k8s.ensureNamespace", Target.k8s("Namespace", null, "aegis"), Effect.WRITE, Operation.CREATE,
            null, json("{'apiVersion': 'v1', 'kind': 'Namespace', 'metadata': {'name': 'aegis', 'labels': {'environment': 'production'}}}"),
            null, null, "deploy.aegis:13:3"),
        PlannedAction.diffed("a2", "s2", "k8s.ensureSecret", Target.k8s("Secret", "aegis", "postgresql-secret"), Effect.WRITE,
            Operation.UPDATE, "PostgreSQL credentials from Vault",
            json("{'apiVersion': 'v1', 'kind': 'Secret', 'metadata': {'name': 'postgresql-secret', 'namespace': 'aegis'},"
                + " 'stringData': {'username': 'postgres', 'password': '" + DB_PASSWORD + "'}}"),
            json("{'apiVersion': 'v1', 'kind': 'Secret', 'metadata': {'name': 'postgresql-secret', 'namespace': 'aegis'},"
                + " 'stringData': {'username': 'postgres', 'password': 'old-password'}}"),
            null, "deploy.aegis:18:3"),
        PlannedAction.diffed("a3", "s3", "k8s.apply", Target.k8s("Deployment", "aegis", "api-gateway"), Effect.WRITE, Operation.UPDATE,
            "roll out api-gateway 1.1.0",
            json("{'kind': 'Deployment', 'metadata': {'name': 'api-gateway', 'labels': {'app.kubernetes.io/version': '1.1.0'}},"
                + " 'spec': {'replicas': 3, 'template': {'spec': {'containers': [{'name': 'api-gateway', 'image': 'aegis/api-gateway:1.1.0',"
                + " 'resources': {'limits': {'memory': '2Gi'}}}, {'name': 'log-shipper', 'image': 'fluent-bit:3.1'}]}}}}"),
            json("{'kind': 'Deployment', 'metadata': {'name': 'api-gateway', 'labels': {'app.kubernetes.io/version': '1.0.0'}},"
                + " 'spec': {'replicas': 2, 'template': {'spec': {'containers': [{'name': 'log-shipper', 'image': 'fluent-bit:3.1'},"
                + " {'name': 'api-gateway', 'image': 'aegis/api-gateway:1.0.0', 'resources': {'limits': {'memory': '1Gi'}}},"
                + " {'name': 'debug', 'image': 'busybox'}]}}}, 'status': {'readyReplicas': 2}}"),
            null, "deploy.aegis:26:5"),
        PlannedAction.diffed("a4", "s3", "k8s.annotate", Target.k8s("Deployment", "aegis", "api-gateway"), Effect.WRITE, Operation.UPDATE,
            "record the rollout revision",
            json("{'metadata': {'annotations': {'aegis.dev/revision': {'$unknown': 'result of k8s.apply at deploy.aegis:26:5'}}}}"),
            json("{'metadata': {'annotations': {'aegis.dev/revision': '7'}}}"),
            Conditional.on("result of k8s.apply", "deploy.aegis:26:5"), "deploy.aegis:27:5"),
        PlannedAction.diffed("a5", "s3", "k8s.ensureService", Target.k8s("Service", "aegis", "api-gateway"), Effect.WRITE, Operation.NOOP,
            null, json("{'spec': {'ports': [{'name': 'http', 'port': 8080}]}}"), json("{'spec': {'ports': [{'name': 'http', 'port': 8080.0}]}}"),
            null, "deploy.aegis:28:5"),
        PlannedAction.diffed("a6", "s4", "pg.vacuumAnalyze", Target.of("pg", "Database", "aegisshield"), Effect.DESTRUCTIVE, Operation.RUN,
            "VACUUM ANALYZE aegisshield: 14 tables, 3 never vacuumed", null, null, null, "deploy.aegis:50:3"));
    var diagnostics = List.of(new PlanDiagnostic("AEG402", "warning", "deploy.aegis:55:5",
        "table `alerts` has 31% dead tuples", List.of("VACUUM FULL would lock it; plan it in the maintenance window")));
    return new Plan(Plan.SCHEMA_VERSION, PLAN_ID, CREATED, "0.1.0", deployRunbook(), production(), inputs(), false, steps, actions,
        reads(), diagnostics);
  }

  /** A daily check: reads only, and one ensure that finds everything in place. */
  static Plan noChanges() {
    var steps = List.of(new PlannedStep("s1", "service health", Effect.READ, "daily-check.aegis:8:1"),
        new PlannedStep("s2", "namespace", Effect.WRITE, "daily-check.aegis:14:1"));
    var ns = json("{'metadata': {'name': 'aegis'}}");
    var actions = List.of(PlannedAction.diffed("a1", "s2", "k8s.ensureNamespace", Target.k8s("Namespace", null, "aegis"), Effect.WRITE,
        Operation.NOOP, null, ns, ns, null, "daily-check.aegis:15:3"));
    return new Plan(Plan.SCHEMA_VERSION, PLAN_ID, CREATED, "0.1.0",
        RunbookSource.of("runbooks/daily-check.aegis", "runbook daily_check\n", null, List.of()), production(),
        PlanInputs.of((ObjectNode) json("{}"), Set.of(), fp()), false, steps, actions, reads().subList(0, 1), List.of());
  }

  /** A rollback planned with --offline: every read unknown, so the delete depends on them. */
  static Plan offlineRollback() {
    var steps = List.of(new PlannedStep("s1", "remove the failed release", Effect.DESTRUCTIVE, "rollback.aegis:9:1"));
    var actions = List.of(PlannedAction.diffed("a1", "s1", "k8s.delete", Target.k8s("PersistentVolumeClaim", "aegis", "data-neo4j-0"),
        Effect.DESTRUCTIVE, Operation.DELETE, "the volume of the failed Neo4j release", null,
        json("{'spec': {'resources': {'requests': {'storage': {'$unknown': 'result of k8s.get at rollback.aegis:7:13'}}}}}"),
        new Conditional(List.of(new Conditional.Source("result of k8s.get", "rollback.aegis:7:13"),
            new Conditional.Source("result of k8s.list", "rollback.aegis:8:13"))), "rollback.aegis:10:3"));
    return new Plan(Plan.SCHEMA_VERSION, PLAN_ID, CREATED, null,
        RunbookSource.of("runbooks/rollback.aegis", "runbook rollback\n", null, List.of()), EnvironmentRef.of("staging", null, "env"),
        PlanInputs.of((ObjectNode) json("{'revision': 6}"), Set.of(), fp()), true, steps, actions, List.of(), List.of());
  }

  /** {@code steps} steps of {@code perStep} updates each, every one with a few field changes. */
  static Plan large(int steps, int perStep) {
    List<PlannedStep> ss = new ArrayList<>();
    List<PlannedAction> as = new ArrayList<>();
    for (int s = 1; s <= steps; s++) {
      ss.add(new PlannedStep("s" + s, "deploy service-" + s, Effect.WRITE, "deploy.aegis:" + (10 + s) + ":3"));
      for (int a = 1; a <= perStep; a++) {
        String name = "svc-" + s + "-" + a;
        as.add(PlannedAction.diffed("a" + s + "-" + a, "s" + s, "k8s.apply", Target.k8s("Deployment", "aegis", name), Effect.WRITE,
            Operation.UPDATE, "roll out " + name,
            json("{'spec': {'replicas': 3, 'template': {'spec': {'containers': [{'name': '" + name + "', 'image': 'aegis/" + name
                + ":1.1.0', 'env': [{'name': 'LOG_LEVEL', 'value': 'info'}]}]}}}}"),
            json("{'spec': {'replicas': 2, 'template': {'spec': {'containers': [{'name': '" + name + "', 'image': 'aegis/" + name
                + ":1.0.0', 'env': [{'name': 'LOG_LEVEL', 'value': 'debug'}]}]}}}}"),
            null, "deploy.aegis:" + (10 + s) + ":5"));
      }
    }
    return new Plan(Plan.SCHEMA_VERSION, PLAN_ID, CREATED, "0.1.0", deployRunbook(), production(), inputs(), false, ss, as, reads(),
        List.of());
  }

  static Map<String, Plan> all() {
    return Map.of("deploy", deploy(), "no-changes", noChanges(), "offline-rollback", offlineRollback(), "large", large(5, 3));
  }
}
