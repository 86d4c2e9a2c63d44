package aegis.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment runbooks end to end, through the command line, against a sandbox that starts
 * empty: a Vault never initialised, a cluster without the platform. The first test deploys it
 * (the other tests work on what it deployed, so the order is fixed); the state is read back from
 * the mock cluster with a fabric8 client, from the journal and from the fixtures.
 */
@Tag("sandbox")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// A bound, not a speed assertion (each test takes 5-60 s): a run that hangs fails with a thread
// dump (junit-platform.properties) instead of holding the build until CI's own limit.
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeploymentRunbooksTest {
  static final String NS = "aegisshield-sandbox";
  static final String INIT_VAULT = "phase 2.3: initialise and unseal Vault";
  static final List<String> SERVICES = List.of("data-ingestion", "entity-resolution", "graph-engine", "alert-engine",
      "api-gateway", "frontend");

  static Sandbox sandbox;
  static SandboxLayout layout;
  static KubernetesClient k8s;

  @TempDir
  static Path home;

  @BeforeAll
  static void boot() throws Exception {
    layout = SandboxLayoutTest.sandbox();
    var taken = SandboxNeeds.all().stream().flatMap(c -> c.ports(layout).stream()).filter(PortProbe::listening).toList();
    assertEquals(List.of(), taken, "the sandbox's ports are free (stop `aegis sandbox` to run this test)");
    // Keys of a sandbox Vault that is gone (none runs: its port is free); deploy refuses to overwrite them.
    Files.deleteIfExists(layout.vault().initKeysFile());
    sandbox = Sandbox.start(layout, SandboxNeeds.all(), Sandbox.Options.seeded().withSeed(false));
    k8s = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + layout.cluster().port())
        .build()).build();
  }

  @AfterAll
  static void stop() throws IOException {
    if (k8s != null) k8s.close();
    // Only what this class made: when its sandbox did not start (the ports were taken), the files
    // belong to the sandbox that holds them.
    if (sandbox == null) return;
    sandbox.close();
    Files.deleteIfExists(layout.vault().initKeysFile());
    Files.deleteIfExists(layout.vault().tokenFile());
  }

  static AegisCli.Result aegis(String... args) { return new AegisCli(home).run(args); }

  static String runId(AegisCli.Result r) {
    var m = Pattern.compile("run (\\d{8}T\\d{6}Z-[0-9a-f]+) ").matcher(r.out() + r.err());
    assertTrue(m.find(), () -> "no run id in " + r);
    return m.group(1);
  }

  static String image(String deployment) {
    return k8s.apps().deployments().inNamespace(NS).withName(deployment).get().getSpec().getTemplate().getSpec().getContainers()
        .getFirst().getImage();
  }

  static String revision(String deployment) {
    return k8s.apps().deployments().inNamespace(NS).withName(deployment).get().getMetadata().getAnnotations()
        .get("deployment.kubernetes.io/revision");
  }

  /** Everything the run journals hold, as text. */
  static String journals() throws IOException {
    var out = new StringBuilder();
    try (Stream<Path> files = Files.walk(home.resolve("runs"))) {
      for (var f : files.filter(Files::isRegularFile).toList()) out.append(Files.readString(f)).append('\n');
    }
    return out.toString();
  }

  @Test
  @Order(1)
  void firstDeployBuildsThePlatformInOrderAndARePlanChangesNothing() throws Exception {
    var plan = aegis("plan", "runbooks/deploy.aegis", "--env", "sandbox");
    assertTrue(plan.exit() == 0 || plan.exit() == 2, plan::toString);
    assertFalse(plan.out().contains("error["), plan::toString);

    // Vault is initialised after approval; no operator token can exist yet, so the run stops there.
    var first = aegis("run", "runbooks/deploy.aegis", "--env", "sandbox", "--yes", "--approve", INIT_VAULT);
    assertEquals(1, first.exit(), first::toString);
    assertTrue(first.err().contains("no Vault token"), first::toString);
    var keysFile = layout.vault().initKeysFile();
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keysFile)));
    var keys = new ObjectMapper().readTree(Files.readString(keysFile));
    var rootToken = keys.path("root_token").asText();
    var secrets = new ArrayList<String>(List.of(rootToken));
    keys.path("unseal_keys_hex").forEach(k -> secrets.add(k.asText()));
    keys.path("unseal_keys_b64").forEach(k -> secrets.add(k.asText()));
    assertEquals(5 + 5 + 1, secrets.size(), keys::toString);
    assertEquals("environment=sandbox", "environment=" + k8s.namespaces().withName(NS).get().getMetadata().getLabels().get("environment"));
    assertNotNull(k8s.serviceAccounts().inNamespace(NS).withName("aegisshield").get());
    assertNotNull(k8s.rbac().roles().inNamespace(NS).withName("aegisshield-config-reader").get());
    assertNotNull(k8s.storage().v1().storageClasses().withName("fast-ssd").get());
    assertTrue(k8s.apps().deployments().inNamespace(NS).list().getItems().isEmpty(), "no service before the credentials");

    // What the runbook's header asks of the operator: a token, and the Slack webhook in Vault.
    SandboxVault.writePrivate(layout.vault().tokenFile(), rootToken + "\n");
    var put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + layout.vault().port()
            + "/v1/secret/data/sandbox/slack")).header("X-Vault-Token", rootToken)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":{\"webhook-url\":\"" + layout.slackWebhookUrl() + "\"}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, put.statusCode(), put::body);

    var id = runId(first);
    var resumed = aegis("resume", id);
    assertEquals(0, resumed.exit(), resumed::toString);
    var order = List.of("phase 1.2: credentials in Vault", "phase 1.2: Kubernetes secrets", "phase 2.1: PostgreSQL", "phase 2.2: Neo4j",
        "phase 3: data-ingestion", "phase 3: api-gateway", "phase 3: frontend", "phase 4: monitoring", "phase 5.1: ingress and TLS",
        "phase 5.2: DNS", "announce");
    int at = -1;
    for (var step : order) {
      int next = resumed.out().indexOf("✓ " + step, at + 1);
      assertTrue(next > at, () -> "step \"" + step + "\" did not succeed after the one before:\n" + resumed);
      at = next;
    }
    for (var svc : SERVICES) {
      assertEquals("aegisshield/" + svc + ":1.0.0", image(svc));
      assertEquals("1", revision(svc), "one release recorded for " + svc);
      var rs = k8s.apps().replicaSets().inNamespace(NS).withLabel("app", svc).list().getItems();
      assertEquals(1, rs.size());
      assertEquals("aegis deploy aegisshield/" + svc + ":1.0.0", rs.getFirst().getMetadata().getAnnotations().get("kubernetes.io/change-cause"));
    }
    var pg = k8s.secrets().inNamespace(NS).withName("postgresql-secret").get();
    secrets.add(new String(Base64.getDecoder().decode(pg.getData().get("password"))));
    assertFalse(k8s.network().v1().ingresses().inNamespace(NS).withName("aegisshield").get().getStatus().getLoadBalancer()
        .getIngress().isEmpty());
    assertTrue(sandbox.slackMessages().contains("#aegisshield-production AegisShield 1.0.0 is deployed to sandbox (namespace " + NS + ")."),
        sandbox.slackMessages()::toString);

    var again = aegis("plan", "runbooks/deploy.aegis", "--env", "sandbox");
    assertTrue(again.out().contains("Plan: 0 to create, 0 to change, 0 to delete"), again::toString);

    var seen = String.join("\n", first.out(), first.err(), resumed.out(), resumed.err(), again.out(), journals());
    for (var secret : secrets) assertFalse(seen.contains(secret), "a secret value was printed or journalled");
    var listed = aegis("runs", "list");
    assertTrue(listed.out().contains(id), listed::toString);
  }

  @Test
  @Order(2)
  void aDeployWhoseServiceCrashLoopsFailsWithTheReasonAndIsRolledBack() throws Exception {
    var r = aegis("run", "runbooks/deploy.aegis", "--env", "sandbox", "--yes", "--set", "version=crashloop");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().contains("data-ingestion crashloop did not roll out: CrashLoopBackOff"), r::toString);
    assertTrue(r.out().contains("✓ phase 2.2: Neo4j"), "the phases before it ran: " + r);
    var shown = aegis("runs", "show", runId(r));
    assertTrue(shown.out().contains("phase 3: data-ingestion crashloop"), shown::toString);
    assertTrue(shown.out().contains("roll back data-ingestion"), shown::toString);
    // Only what the deploy changed is rolled back: the services it never reached are not touched.
    for (var svc : SERVICES.subList(1, SERVICES.size())) assertFalse(shown.out().contains("roll back " + svc), shown::toString);
    // Revision 2 was the crash loop; the rollback brought revision 1's template back as revision 3.
    assertEquals("aegisshield/data-ingestion:1.0.0", image("data-ingestion"));
    assertEquals("3", revision("data-ingestion"));
    for (var svc : SERVICES.subList(1, SERVICES.size())) assertEquals("aegisshield/" + svc + ":1.0.0", image(svc), svc + " untouched");
  }

  @Test
  @Order(3)
  void rollbackReturnsToThePreviousAndToANamedRevision() {
    var patch = aegis("run", "runbooks/security-patch.aegis", "--env", "sandbox", "--yes", "--set", "tag=1.0.1",
        "--set", "announcedAt=2020-01-01T00:00:00Z", "--set", "services=graph-engine", "--set", "watch=1s");
    assertEquals(0, patch.exit(), patch::toString);
    assertEquals("aegisshield/graph-engine:1.0.1", image("graph-engine"));

    var previous = aegis("run", "runbooks/rollback.aegis", "--env", "sandbox", "--yes", "--set", "services=graph-engine");
    assertEquals(0, previous.exit(), previous::toString);
    assertEquals("aegisshield/graph-engine:1.0.0", image("graph-engine"));
    assertEquals("3", revision("graph-engine"));

    var named = aegis("run", "runbooks/rollback.aegis", "--env", "sandbox", "--yes", "--set", "services=graph-engine", "--set", "revision=2");
    assertEquals(0, named.exit(), named::toString);
    assertEquals("aegisshield/graph-engine:1.0.1", image("graph-engine"));
    assertEquals("4", revision("graph-engine"));
  }

  @Test
  @Order(4)
  void securityPatchStopsAtTheFirstServiceThatFailsItsHealthCheck() throws Exception {
    fixture("entity-resolution", 503);
    try {
      var r = aegis("run", "runbooks/security-patch.aegis", "--env", "sandbox", "--yes", "--set", "tag=1.0.2",
          "--set", "announcedAt=2020-01-01T00:00:00Z", "--set", "services=data-ingestion,entity-resolution,alert-engine");
      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.out().contains("entity-resolution did not take aegisshield/entity-resolution:1.0.2 (it rolled out but fails its health check)"),
          r::toString);
      assertEquals("aegisshield/data-ingestion:1.0.2", image("data-ingestion"), r::toString);
      assertEquals("aegisshield/entity-resolution:1.0.0", image("entity-resolution"), "rolled back");
      assertEquals("aegisshield/alert-engine:1.0.0", image("alert-engine"), "never touched");
      assertEquals("1", revision("alert-engine"));
    } finally {
      fixture("entity-resolution", 200);
    }
  }

  @Test
  @Order(5)
  void incidentServiceDownGathersEvidenceRestartsAndEscalatesWhenADependencyIsDown() throws Exception {
    fixture("api-gateway", 503);
    fixture("alert-engine", 503);
    try {
      var r = aegis("run", "runbooks/incident-service-down.aegis", "--env", "sandbox", "--yes", "--set", "service=api-gateway");
      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.out().contains("Pods of api-gateway"), r::toString);
      assertTrue(r.out().contains("api-gateway-") && r.out().contains("last 100 lines"), "logs: " + r);
      assertTrue(r.out().contains("CPU and memory of api-gateway now"), r::toString);
      assertTrue(r.out().contains("alert-engine, which api-gateway depends on, is down"), r::toString);
      assertTrue(sandbox.slackMessages().stream().anyMatch(m -> m.contains("api-gateway down in sandbox: not recovered")),
          sandbox.slackMessages()::toString);
      assertTrue(sandbox.mailSubjects().stream().anyMatch(s -> s.contains("api-gateway down in sandbox")), sandbox.mailSubjects()::toString);
    } finally {
      fixture("api-gateway", 200);
      fixture("alert-engine", 200);
    }
  }

  @Test
  @Order(6)
  void troubleshootPodStartupFindsThePullFailureAndTheUnboundClaim() throws Exception {
    k8s.apps().deployments().inNamespace(NS).withName("frontend")
        .edit(d -> { d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("aegisshield/frontend:imagepullbackoff"); return d; });
    k8s.persistentVolumeClaims().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
        .withNewMetadata().withName("frontend-cache").withNamespace(NS).addToLabels("app", "frontend").endMetadata()
        .withNewSpec().withStorageClassName("no-such-class").withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new io.fabric8.kubernetes.api.model.Quantity("1Gi")).endResources().endSpec()
        .build()).create();
    // The mock controller replaces the pods; the runbook is about the state after that.
    awaitPods("frontend", p -> p.getStatus() != null && p.getStatus().getContainerStatuses().stream()
        .anyMatch(c -> c.getState() != null && c.getState().getWaiting() != null && "ImagePullBackOff".equals(c.getState().getWaiting().getReason())));
    var r = aegis("run", "runbooks/troubleshoot-pod-startup.aegis", "--env", "sandbox", "--set", "service=frontend");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("ImagePullBackOff"), r::toString);
    assertTrue(r.out().contains("frontend-cache") && r.out().contains("no-such-class"), "the unbound claim: " + r);
    assertTrue((r.out() + r.err()).contains("aegisshield/frontend:1.0.0 cannot be pulled") || (r.out() + r.err()).contains("cannot be pulled"), r::toString);
  }

  @Test
  @Order(7)
  void certRenewalReissuesInPlaceAndTheIngressServesTheNewCertificate() throws Exception {
    var certificates = k8s.genericKubernetesResources("cert-manager.io/v1", "Certificate").inNamespace(NS);
    var before = certificates.withName("aegisshield-tls").get();
    var issuedBefore = secretCertificate();
    assertEquals(issuedBefore, served(), "the ingress serves the certificate cert-manager issued at the deploy");

    var r = aegis("run", "runbooks/cert-renewal.aegis", "--env", "sandbox", "--yes", "--set", "force=true", "--set", "poll=1s");
    assertEquals(0, r.exit(), r::toString);
    var after = certificates.withName("aegisshield-tls").get();
    assertEquals(before.getMetadata().getUid(), after.getMetadata().getUid(), "renewed in place, not deleted and re-created");
    var issuedAfter = secretCertificate();
    assertFalse(issuedAfter.getSerialNumber().equals(issuedBefore.getSerialNumber()), "a new certificate in the Secret");
    assertFalse(issuedAfter.getPublicKey().equals(issuedBefore.getPublicKey()), "with a new key (rotationPolicy: Always)");
    assertEquals(((java.util.Map<?, ?>) after.getAdditionalProperties().get("status")).get("notAfter"),
        issuedAfter.getNotAfter().toInstant().toString());
    assertEquals(issuedAfter, served(), "the ingress serves the renewed certificate");
    assertTrue(r.out().contains("Renewed certificate") && r.out().contains("Served after renewal"), r::toString);
    assertTrue(sandbox.slackMessages().stream().anyMatch(m -> m.contains("TLS certificate aegisshield-tls in sandbox is valid until "
        + issuedAfter.getNotAfter().toInstant())), sandbox.slackMessages()::toString);
  }

  static java.security.cert.X509Certificate secretCertificate() throws Exception {
    var pem = Base64.getDecoder().decode(k8s.secrets().inNamespace(NS).withName("aegisshield-tls").get().getData().get("tls.crt"));
    return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(pem));
  }

  /** The certificate the TLS endpoint presents, through aegis's own inspection with the sandbox CA trusted. */
  static java.security.cert.X509Certificate served() throws Exception {
    java.util.List<java.security.cert.X509Certificate> ca;
    try (var in = Files.newInputStream(layout.tls().trustedCa())) {
      ca = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(java.security.cert.X509Certificate.class::cast).toList();
    }
    var context = javax.net.ssl.SSLContext.getInstance("TLS");
    var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    var store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("sandbox-ca", ca.getFirst());
    tmf.init(store);
    context.init(null, tmf.getTrustManagers(), null);
    try (var socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket("localhost", layout.tls().port())) {
      socket.startHandshake();
      return (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  /** Waits (at most a minute) until a pod of {@code app} is in the state {@code wanted} describes. */
  static void awaitPods(String app, java.util.function.Predicate<io.fabric8.kubernetes.api.model.Pod> wanted) throws InterruptedException {
    var until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    while (k8s.pods().inNamespace(NS).withLabel("app", app).list().getItems().stream().noneMatch(wanted)) {
      assertTrue(System.nanoTime() < until, () -> "pods of " + app + " never reached the state: "
          + k8s.pods().inNamespace(NS).withLabel("app", app).list().getItems());
      Thread.sleep(200);
    }
  }

  static void fixture(String service, int status) throws IOException, InterruptedException {
    var put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + layout.fixtures().port()
        + "/_sandbox/services/" + service)).PUT(HttpRequest.BodyPublishers.ofString(Integer.toString(status))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 200) throw new UncheckedIOException(new IOException(put.body()));
  }
}
