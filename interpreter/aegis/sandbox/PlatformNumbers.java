package aegis.sandbox;

import aegis.sandbox.PrometheusFixture.Series;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monitoring numbers of the sandbox's platform, the same on every boot: what Prometheus and
 * Alertmanager answer. Mostly healthy, with a few figures over the guide's limits so that the
 * daily check and the weekly review have something to report: graph-engine's p95 (1.4 s of a 2 s
 * limit is fine, its 0.12% 5xx rate is not), Neo4j's memory near its limit, and one critical alert
 * that fired overnight and has been resolved.
 */
final class PlatformNumbers {
  private static final Map<String, Double> P95 = Map.of(
      "data-ingestion", 0.18, "entity-resolution", 0.74, "graph-engine", 1.42, "alert-engine", 0.29,
      "api-gateway", 0.52, "frontend", 0.09);
  private static final Map<String, Double> ERRORS_5XX = Map.of(
      "data-ingestion", 0.0002, "entity-resolution", 0.0004, "graph-engine", 0.0012, "alert-engine", 0.0001,
      "api-gateway", 0.0006, "frontend", 0.0);
  private static final Map<String, Double> ERRORS_4XX = Map.of(
      "data-ingestion", 0.0031, "entity-resolution", 0.0012, "graph-engine", 0.0044, "alert-engine", 0.0009,
      "api-gateway", 0.0083, "frontend", 0.0051);
  private static final Map<String, Double> REQUESTS = Map.of(
      "data-ingestion", 212.0, "entity-resolution", 96.0, "graph-engine", 41.0, "alert-engine", 18.0,
      "api-gateway", 388.0, "frontend", 153.0);
  private static final Map<String, Double> CPU = Map.of(
      "postgresql", 0.44, "neo4j", 0.52, "vault", 0.06, "data-ingestion", 0.31, "entity-resolution", 0.47,
      "graph-engine", 0.58, "alert-engine", 0.22, "api-gateway", 0.36, "frontend", 0.11);
  private static final Map<String, Double> MEMORY = Map.of(
      "postgresql", 0.61, "neo4j", 0.74, "vault", 0.18, "data-ingestion", 0.42, "entity-resolution", 0.57,
      "graph-engine", 0.66, "alert-engine", 0.35, "api-gateway", 0.48, "frontend", 0.21);
  private static final Map<String, Double> VOLUMES = Map.of("postgresql", 0.46, "neo4j", 0.38, "vault", 0.04);

  private final String namespace;
  private final List<SandboxLayout.ServiceSpec> services;
  private final Clock clock;

  PlatformNumbers(SandboxLayout layout, Clock clock) {
    this.namespace = layout.namespace();
    this.services = layout.services();
    this.clock = clock;
  }

  /** The services with an HTTP API of their own (the backends and the frontend). */
  private List<String> apiServices() {
    return services.stream().filter(s -> s.tier().equals("Backend") || s.tier().equals("Frontend"))
        .map(SandboxLayout.ServiceSpec::name).toList();
  }

  /** A pod name for each service, the shape the workload kind gives (StatefulSet pods are numbered). */
  List<String> pods() {
    return services.stream().map(PlatformNumbers::podName).toList();
  }

  static String podName(SandboxLayout.ServiceSpec s) {
    if (s.kind().equals("StatefulSet")) return s.name() + "-0";
    var hash = Integer.toHexString(Math.abs(s.name().hashCode()) | 0x10000000).substring(0, 7);
    return s.name() + "-6" + hash + "-x" + hash.substring(0, 4);
  }

  private String service(String pod) {
    for (var s : services) if (pod.equals(podName(s))) return s.name();
    return pod;
  }

  Series overall(double value) { return new Series(Map.of(), value); }

  List<Series> volumeUse() {
    var out = new ArrayList<Series>();
    for (var s : services) {
      if (!s.kind().equals("StatefulSet")) continue;
      out.add(new Series(PrometheusFixture.labels("namespace", namespace, "persistentvolumeclaim", "data-" + s.name() + "-0"),
          VOLUMES.getOrDefault(s.name(), 0.12)));
    }
    return out;
  }

  /** The ALERTS series of the last day: one critical alert, fired overnight for graph-engine's errors. */
  List<Series> firedAlerts() {
    return List.of(new Series(PrometheusFixture.labels("alertname", "HighErrorRate", "namespace", namespace,
        "service", "graph-engine", "severity", "critical"), 1.0));
  }

  List<Series> p95ByService() { return PrometheusFixture.each(apiServices(), "service", P95, 0.2); }

  double p95Overall() { return 0.61; }

  List<Series> errorRates(boolean serverErrors) {
    return PrometheusFixture.each(apiServices(), "service", serverErrors ? ERRORS_5XX : ERRORS_4XX, 0.0);
  }

  double errorRateOverall(boolean serverErrors) { return serverErrors ? 0.0005 : 0.0061; }

  List<Series> requestRates() { return PrometheusFixture.each(apiServices(), "service", REQUESTS, 10.0); }

  List<Series> cpuUse() { return byPod(CPU); }

  List<Series> memoryUse() { return byPod(MEMORY); }

  private List<Series> byPod(Map<String, Double> values) {
    var out = new ArrayList<Series>();
    for (var pod : pods()) out.add(new Series(PrometheusFixture.labels("pod", pod), values.getOrDefault(service(pod), 0.2)));
    return out;
  }

  List<Series> up() {
    var out = new ArrayList<Series>();
    for (var s : services) out.add(new Series(PrometheusFixture.labels("__name__", "up", "job", s.name(), "namespace", namespace), 1.0));
    return out;
  }

  /**
   * What Alertmanager holds: a warning for Neo4j's memory, firing for two hours, and a silenced
   * restart warning. Nothing critical is firing now.
   */
  List<AlertmanagerFixture.Alert> alerts() {
    var now = clock.instant();
    return List.of(
        new AlertmanagerFixture.Alert(PrometheusFixture.labels("alertname", "HighMemoryUsage", "namespace", namespace,
            "service", "neo4j", "severity", "warning"), "Neo4j uses 74% of its memory limit",
            now.minus(Duration.ofHours(2)), "active"),
        new AlertmanagerFixture.Alert(PrometheusFixture.labels("alertname", "PodRestarting", "namespace", namespace,
            "service", "data-ingestion", "severity", "warning"), "data-ingestion restarted twice in an hour",
            now.minus(Duration.ofMinutes(40)), "suppressed"));
  }
}
