package aegis.cli;

import aegis.exec.journal.AegisHome;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jgit.util.FileUtils;

/**
 * The launcher's AOT training run (JDK 25+, see {@code ./aegis}): one process that does what short
 * aegis processes do, so that the cache holds what they load and link. A cache trained on
 * {@code check} alone left a run paying about a second for classes the check never touches
 * (fabric8's client and model, Jackson, the JDBC and Bolt drivers, the evaluator, runner and
 * journal). So it checks the project's files, then runs {@code runbooks/daily-check.aegis}, read
 * only, and its last step on its own, against a stand-in for the platform's HTTP APIs on an
 * ephemeral port (Kubernetes pods, Prometheus, Alertmanager, health endpoints) and, when the
 * launcher passes the sandbox's classpath ({@value #DATABASES}), a real PostgreSQL and Neo4j in a
 * process of their own ({@link TrainingDatabases}: the drivers' query paths, ~170 lambdas linked
 * at run time otherwise, 1006 -> 950 ms of a daily-check at N=200); without it the databases'
 * ports are closed and the drivers fail fast. Nothing it prints is shown and its status is
 * ignored: a failed training only makes a smaller cache.
 *
 * <p>With the argument {@code check} it does the check only: the launcher keeps that cache apart
 * for the commands that run nothing, because the JVM loads and links every class of its cache at
 * start-up, and the run's classes made {@code aegis check} and {@code --version} 80 to 170 ms slower.
 *
 * <p>Not a command: {@code ./aegis} starts this class in the project root; the run's state (journal,
 * lock) goes to a temporary {@code AEGIS_HOME} that is removed afterwards.
 */
public final class AotTraining {
  private static final Path RUNBOOK = Path.of("runbooks/daily-check.aegis");
  private static final Path SANDBOX = Path.of("environments/sandbox.aegis");
  /** The classes {@link #loadListed} loads; made by {@code src/test/aot/classes.sh}. */
  private static final String CLASSES = "/aegis/cli/aot-classes.txt";
  /** Ports of the sandbox environment served by the stand-in: Kubernetes, Prometheus, Alertmanager, fixtures, Vault, Neo4j HTTP. */
  private static final Pattern SERVED = Pattern.compile("127\\.0\\.0\\.1:(16443|19090|19093|18080|18200|17474)\\b");
  /** Ports of the databases' own protocols: pointed at {@link TrainingDatabases}, or refused without them. */
  private static final Pattern DATABASE_PORTS = Pattern.compile("(127\\.0\\.0\\.1:|port: )(15432|17687)\\b");
  /** The sandbox's PostgreSQL endpoint, up to its port, where the training's role and password go. */
  private static final Pattern POSTGRES_ENDPOINT = Pattern.compile("PostgresEndpoint\\(host: \"127\\.0\\.0\\.1\", port: \\d+,");
  /**
   * {@link TrainingDatabases}'s role (its class is not loaded here), and the variable of its
   * password: the launcher sets it for the training, and both processes read it (credentials come
   * from the process's environment).
   */
  static final String TRAINING_PG_USER = "aegis_training";
  static final String TRAINING_PG_PASSWORD_VAR = "AEGIS_TRAINING_PG_PASSWORD";
  /** The system property with the sandbox's classpath, for {@link TrainingDatabases}. */
  static final String DATABASES = "aegis.training.databases";
  /**
   * {@link TrainingDatabases}, by name: its class needs the sandbox's libraries, which this JVM
   * does not have, so it is not loaded here.
   */
  static final String DATABASES_MAIN = "aegis.cli.TrainingDatabases";
  /** Without the training's databases, daily-check stops at its database check: its last step, on its own. */
  private static final String HEALTH = """
      runbook training "an HTTP health check of every service"
      import http
      param env: Environment
      step "service health" {
        for svc in env.services.filter(s -> s.httpHealth) parallel(limit: 16) {
          let r = http.get(svc.healthUrl(), timeout: 5s)
          report "Service health" "${svc.name}: ${r.status} in ${r.latency}"
          check r.status == 200 else warn "${svc.name} answered ${r.status}"
        }
      }
      """;

  private AotTraining() {}

  public static void main(String[] args) throws IOException {
    LibraryDefaults.apply();   // as Main does, so that the cache holds what it loads
    // Main itself, which this class stands in for: not in the cache, the JVM reads it from the jar
    // at every start, opening the jar (37 000 entries) for it.
    loadQuietly(Main.class.getName());
    var quiet = new PrintWriter(Writer.nullWriter());
    Cli.run(new String[] {"check", "runbooks", "environments", "stdlib"}, quiet, quiet, CliContext.system());
    boolean checkOnly = args.length > 0 && args[0].equals("check");
    if (!checkOnly && Files.isRegularFile(RUNBOOK) && Files.isRegularFile(SANDBOX)) {
      // The user's kubeconfig and service account are not the stand-in's business.
      System.setProperty("kubernetes.auth.tryKubeConfig", "false");
      System.setProperty("kubernetes.auth.tryServiceAccount", "false");
      Path home = Files.createTempDirectory("aegis-training");
      HttpServer platform = platform();
      Process databases = databases(System.getProperty(DATABASES));
      try {
        int[] ports = databasePorts(databases);
        Path environment = home.resolve("training.aegis");
        Files.writeString(environment, environment(Files.readString(SANDBOX), platform.getAddress().getPort(), ports[0], ports[1],
            System.getenv(TRAINING_PG_PASSWORD_VAR) != null));
        var env = new HashMap<>(System.getenv());
        env.put(AegisHome.VARIABLE, home.toString());
        var context = new CliContext(env, false, Path.of("").toAbsolutePath(), home);
        Path health = Files.writeString(home.resolve("health.aegis"), HEALTH);
        for (Path runbook : new Path[] {RUNBOOK, health}) {
          Cli.run(new String[] {"run", runbook.toString(), "--env", environment.toString(), "--yes"}, quiet, quiet, context);
        }
        loadListed();
      } finally {
        platform.stop(0);
        stop(databases);
        deleteTree(home);
      }
    }
    System.exit(0);
  }

  /**
   * Loads, without initializing, every class in {@link #CLASSES}: what a real daily-check loads that
   * the run above does not reach (without databases to talk to, the drivers' query paths; with
   * them, what the training's servers never ask for, such as PostgreSQL's password exchange).
   * Loaded here, they are in the cache, loaded and linked, instead of being read from the jar and
   * verified by every run. A name the jar no longer holds is skipped.
   */
  private static void loadListed() throws IOException {
    for (String name : listedClasses()) loadQuietly(name);
  }

  /** The names {@link #CLASSES} lists (none when the jar has no list). */
  static List<String> listedClasses() throws IOException {
    try (var in = AotTraining.class.getResourceAsStream(CLASSES)) {
      if (in == null) return List.of();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
  }

  private static void loadQuietly(String name) {
    try {
      Class.forName(name, false, AotTraining.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError gone) {
      // Not in this jar or JDK any more (a list older than them): nothing to train.
    }
  }

  /**
   * The sandbox's environment, renamed (a run in "sandbox" would start the sandbox) and pointed at
   * the stand-in, and at the given PostgreSQL and Bolt ports; with {@code password}, PostgreSQL is
   * logged in to as {@link #TRAINING_PG_USER} with the password in {@link #TRAINING_PG_PASSWORD_VAR}.
   */
  static String environment(String sandbox, int served, int postgres, int bolt, boolean password) {
    String renamed = sandbox.replace("environment sandbox", "environment training")
        .replace("name: \"sandbox\"", "name: \"training\"");
    renamed = SERVED.matcher(renamed).replaceAll("127.0.0.1:" + served);
    renamed = DATABASE_PORTS.matcher(renamed).replaceAll(m -> m.group(1) + (m.group(2).equals("15432") ? postgres : bolt));
    // The sandbox trusts every connection; the training's server wants a password, as production's do.
    if (!password) return renamed;
    return POSTGRES_ENDPOINT.matcher(renamed).replaceFirst(
        "$0 user: \"" + TRAINING_PG_USER + "\", password: envCredential(\"" + TRAINING_PG_PASSWORD_VAR + "\"),");
  }

  /**
   * Starts {@link TrainingDatabases} with the sandbox's classpath ({@code classpath}: the build's
   * {@code target/sandbox.classpath}, which the launcher passes), or null without one.
   */
  private static Process databases(String classpath) {
    if (classpath == null || classpath.isBlank()) return null;
    var launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      return new ProcessBuilder(launcher, "--enable-native-access=ALL-UNNAMED", "-cp",
          System.getProperty("java.class.path") + File.pathSeparator + classpath, DATABASES_MAIN)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return null;   // trained without databases: their ports refused, as before
    }
  }

  /**
   * The databases' ports once they are up (Neo4j takes ~10 s on the 2-core machine); closed ports
   * when there are none, when a server could not start (the process ends), or after two minutes:
   * the drivers then fail fast, as before the training had databases.
   */
  private static int[] databasePorts(Process databases) throws IOException {
    if (databases != null) {
      var ready = new CompletableFuture<String>();
      // Read to the end, past READY: the servers may still write, and a full pipe would stop them.
      Thread.ofVirtual().name("training databases").start(() -> readLines(databases, ready));
      try {
        String line = ready.get(2, TimeUnit.MINUTES);
        if (line != null) {
          var ports = line.substring("READY ".length()).trim().split(" ");
          return new int[] {Integer.parseInt(ports[0]), Integer.parseInt(ports[1])};
        }
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        databases.destroyForcibly();
      } catch (InterruptedException e) {
        databases.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    int closed = closedPort();
    return new int[] {closed, closed};
  }

  /** Reads {@code databases}' output to its end, completing {@code ready} with its READY line, or null when there was none. */
  private static void readLines(Process databases, CompletableFuture<String> ready) {
    try (var in = new BufferedReader(new InputStreamReader(databases.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("READY ")) ready.complete(line);
      }
    } catch (IOException e) {
      // the process ended
    }
    ready.complete(null);
  }

  private static void stop(Process databases) {
    if (databases == null) return;
    try {
      databases.getOutputStream().close();   // it stops when its standard input closes
      if (!databases.waitFor(30, TimeUnit.SECONDS)) databases.destroyForcibly();
    } catch (IOException | InterruptedException e) {
      databases.destroyForcibly();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    FileUtils.delete(root.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static final String POD = """
      {"metadata":{"name":"%1$s-0","namespace":"training","creationTimestamp":"2026-01-01T00:00:00Z","labels":{"app":"%1$s"}},
       "spec":{"nodeName":"node-1","containers":[{"name":"%1$s","image":"%1$s:1"}]},
       "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
        "containerStatuses":[{"name":"%1$s","image":"%1$s:1","imageID":"","ready":true,"restartCount":0,
         "state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}}]}}""";

  private static final Map<String, String> ANSWERS = Map.of(
      "/pods", "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":["
          + String.format(POD, "api-gateway") + "," + String.format(POD, "frontend") + "]}",
      "/api/v1/query", "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
          + "{\"alertname\":\"Training\",\"severity\":\"critical\",\"persistentvolumeclaim\":\"data\"},\"value\":[1767225600,\"0.5\"]}]}}",
      "/api/v2/alerts", "[]");

  /** Answers what daily-check asks: pods, PromQL, alerts; every other path is a healthy endpoint. */
  private static HttpServer platform() throws IOException {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", AotTraining::answer);
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = ANSWERS.entrySet().stream().filter(e -> path.endsWith(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse("{\"status\":\"ok\"}");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
