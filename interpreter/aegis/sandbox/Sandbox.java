package aegis.sandbox;

import aegis.sandbox.k8s.SandboxIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A running sandbox: the servers of the platform, in this process, on the ports of the sandbox
 * environment ({@link SandboxLayout}), seeded like a deployed AegisShield. The servers start in
 * parallel on virtual threads, so a boot takes as long as its slowest server (Neo4j, then
 * PostgreSQL); closing stops them all.
 *
 * <p>The servers that need libraries outside the aegis jar (see {@link SandboxClasspath}) are only
 * loaded after the check that those libraries are there.
 */
public final class Sandbox implements AutoCloseable {
  /**
   * How to start.
   *
   * @param seed   seed the servers as a deployed platform (else: empty servers, a Vault never initialised)
   * @param events where to show what happens while it runs (a post to the Slack webhook), one line each
   */
  public record Options(boolean seed, Consumer<String> events, Clock clock) {
    public static Options seeded() { return new Options(true, line -> { }, Clock.systemUTC()); }

    public Options withSeed(boolean seed) { return new Options(seed, events, clock); }

    public Options withEvents(Consumer<String> events) { return new Options(seed, events, clock); }
  }

  private static final int STOP_SECONDS = 15;
  /**
   * How long the parts may take to start, together (about 12 s on 2 cores): a part that hangs
   * fails the start with its name instead of leaving {@code aegis sandbox} silent for ever.
   */
  private static final Duration START_LIMIT = Duration.ofMinutes(3);

  private final SandboxLayout layout;
  private final SandboxLock lock;
  private final List<SandboxServer> servers;
  private final Map<Component, Duration> bootTimes;
  private final Duration bootTime;

  private Sandbox(SandboxLayout layout, SandboxLock lock, List<SandboxServer> servers, Map<Component, Duration> bootTimes,
                  Duration bootTime) {
    this.layout = layout;
    this.lock = lock;
    this.servers = List.copyOf(servers);
    this.bootTimes = Map.copyOf(bootTimes);
    this.bootTime = bootTime;
  }

  /**
   * Starts {@code components}; on any failure stops what did start and says what failed. The
   * sandbox holds the sandbox directory's lock until closed; when another process holds it, this
   * fails with a {@linkplain SandboxException#busy() busy} exception.
   */
  public static Sandbox start(SandboxLayout layout, Set<Component> components, Options options) throws SandboxException {
    privateDirectory(layout);
    var lock = SandboxLock.tryAcquire(layout);
    if (lock == null) {
      throw SandboxException.busy("another process runs a sandbox, or is starting one (it holds "
          + layout.directory().resolve("sandbox.lock") + ")");
    }
    return start(layout, components, options, lock);
  }

  /** Like {@link #start(SandboxLayout, Set, Options)}, with the lock already held; the sandbox releases it. */
  static Sandbox start(SandboxLayout layout, Set<Component> components, Options options, SandboxLock lock) throws SandboxException {
    var missing = SandboxClasspath.missing(components, Sandbox.class.getClassLoader());
    if (!missing.isEmpty()) {
      lock.close();
      throw SandboxException.unavailable(SandboxClasspath.message(missing));
    }
    long begin = System.nanoTime();
    privateDirectory(layout);
    var passwords = passwords(layout);
    var issuer = issuer(layout, lock);
    var times = new EnumMap<Component, Duration>(Component.class);
    var started = new ArrayList<SandboxServer>();
    var failures = new ArrayList<String>();
    Throwable firstCause = null;
    var executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      var futures = new EnumMap<Component, Future<SandboxServer>>(Component.class);
      for (var component : components) {
        if (component.ports(layout).isEmpty()) continue;
        futures.put(component, executor.submit(() -> {
          long t = System.nanoTime();
          var server = startOne(component, layout, options, passwords, issuer);
          synchronized (times) { times.put(component, Duration.ofNanos(System.nanoTime() - t)); }
          return server;
        }));
      }
      long deadline = System.nanoTime() + START_LIMIT.toNanos();
      for (var entry : futures.entrySet()) {
        try {
          started.add(entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          entry.getValue().cancel(true);
          failures.add(entry.getKey().title() + " did not start within " + START_LIMIT.toSeconds() + " s (is the machine overloaded?"
              + " `aegis sandbox` prints how long each part took when it comes up)");
        } catch (ExecutionException e) {
          var cause = e.getCause();
          if (firstCause == null) firstCause = cause;
          failures.add(cause instanceof SandboxException ? cause.getMessage()
              : entry.getKey().title() + " did not start: " + cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failures.add("interrupted while " + entry.getKey().title() + " started");
        }
      }
    } finally {
      // Not close(): it would wait for a start that hangs. What did start is stopped below.
      executor.shutdownNow();
    }
    var sandbox = new Sandbox(layout, lock, started, times, Duration.ofNanos(System.nanoTime() - begin));
    if (!failures.isEmpty()) {
      sandbox.close();
      throw new SandboxException(String.join("; ", failures), firstCause);
    }
    return sandbox;
  }

  private static SandboxServer startOne(Component component, SandboxLayout layout, Options options,
                                        Map<String, String> passwords, SandboxIssuer issuer) throws SandboxException {
    var numbers = new PlatformNumbers(layout, options.clock());
    return switch (component) {
      case POSTGRES -> SandboxPostgres.start(layout.postgres(), layout.directory(), options.seed(),
          passwords.get("postgres.password"));
      case NEO4J -> SandboxNeo4j.start(layout.neo4j(), options.seed());
      case VAULT -> SandboxVault.start(layout, options.seed(), passwords);
      case KUBERNETES -> SandboxCluster.start(layout, options.seed(), issuer);
      case PROMETHEUS -> PrometheusFixture.start(layout.prometheusPort(), numbers, options.clock());
      case ALERTMANAGER -> AlertmanagerFixture.start(layout.alertmanagerPort(), numbers);
      case SMTP -> SandboxSmtp.start(layout.smtpPort());
      case FIXTURES -> HttpFixtures.start(layout.fixtures(), options.events());
      case TLS -> TlsEndpoint.start(layout.tls(), layout.directory(), layout.cluster() == null ? null
          : new TlsEndpoint.IngressSource("http://127.0.0.1:" + layout.cluster().port(), layout.namespace(), layout.cluster().ingressName()));
    };
  }

  /**
   * The CA of the sandbox's cert-manager, new with each sandbox (like the cluster whose
   * certificates it signs); its certificate goes to the environment's {@code trustedCa} file.
   */
  private static SandboxIssuer issuer(SandboxLayout layout, SandboxLock lock) throws SandboxException {
    try {
      var issuer = SandboxIssuer.create();
      var file = layout.tls().trustedCa();
      if (file != null) SandboxVault.writePrivate(file, issuer.caPem());
      return issuer;
    } catch (IOException | java.security.GeneralSecurityException e) {
      lock.close();
      throw new SandboxException("the sandbox's certificate authority could not be set up: " + e.getMessage(), e);
    }
  }

  /** One password per database credential the environment reads from Vault, given to both the server and Vault. */
  private static Map<String, String> passwords(SandboxLayout layout) {
    var passwords = new HashMap<String, String>();
    if (layout.postgres().password() != null) passwords.put("postgres.password", SandboxVault.password());
    return passwords;
  }

  private static void privateDirectory(SandboxLayout layout) throws SandboxException {
    try {
      Files.createDirectories(layout.directory());
      Files.setPosixFilePermissions(layout.directory(), PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException notPosix) {
      // nothing to restrict
    } catch (IOException e) {
      throw new SandboxException("the sandbox cannot use its directory " + layout.directory() + ": " + e.getMessage(), e);
    }
  }

  public SandboxLayout layout() { return layout; }

  /** The servers running, in the order of {@link Component}. */
  public List<Component> components() {
    return servers.stream().map(SandboxServer::component).sorted().toList();
  }

  /** From the start of the boot until every server was up and seeded. */
  public Duration bootTime() { return bootTime; }

  /** How long each server took to start and be seeded. */
  public Map<Component, Duration> bootTimes() { return bootTimes; }

  /** What runs where, for people: one block of lines per server. */
  public List<String> describe() {
    var lines = new ArrayList<String>();
    for (var server : servers.stream().sorted(java.util.Comparator.comparing(SandboxServer::component)).toList()) {
      var described = server.describe();
      lines.add(String.format("%-15s %s", server.component().title(), described.getFirst()));
      for (var more : described.subList(1, described.size())) lines.add(String.format("%-15s %s", "", more));
    }
    return lines;
  }

  /** Messages posted to the Slack webhook so far (for tests and the curious). */
  public List<String> slackMessages() {
    return server(HttpFixtures.class).map(f -> f.slackMessages().stream().map(m -> m.channel() + " " + m.text()).toList())
        .orElse(List.of());
  }

  /** Subjects of the mails the SMTP server received. */
  public List<String> mailSubjects() {
    return server(SandboxSmtp.class).map(SandboxSmtp::subjects).orElse(List.of());
  }

  private <T> java.util.Optional<T> server(Class<T> type) {
    return servers.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * Stops every server, all at once, waiting at most {@value #STOP_SECONDS} s: a server that takes
   * longer (Neo4j's Bolt server has been seen to wait on its event loops for good) is left to the
   * end of the process.
   */
  @Override
  public void close() {
    var executor = Executors.newVirtualThreadPerTaskExecutor();
    var stopping = servers.stream().map(server -> executor.submit(() -> {
      try {
        server.close();
      } catch (RuntimeException e) {
        // Stop the others regardless.
      }
    })).toList();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) stopping.forEach(f -> f.cancel(true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.close();
    }
  }
}
