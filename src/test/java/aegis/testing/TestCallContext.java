package aegis.testing;

import aegis.adapters.CallContext;
import aegis.eval.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The one {@link CallContext} of the adapter tests: one "run" whose resources are closed by
 * {@link #close()} (as the executor does when a run ends), with the mode, deadline, registered
 * secrets and progress lines visible to assertions. Optionally an environment (e.g. one whose
 * {@code kubernetes.server} is a test API server) and a directory standing in for the runbook's.
 */
public final class TestCallContext implements CallContext, AutoCloseable {
  private final Mode mode;
  private final Map<String, Object> resources = new LinkedHashMap<>();
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private volatile Instant deadline;
  private Value.Rec environment;
  private Path runbookDirectory;

  public TestCallContext(Mode mode) { this.mode = mode; }

  public static TestCallContext plan() { return new TestCallContext(Mode.PLAN); }

  public static TestCallContext apply() { return new TestCallContext(Mode.APPLY); }

  @Override
  public Mode mode() { return mode; }

  @Override
  public synchronized <T> T resource(String key, Supplier<T> create) {
    @SuppressWarnings("unchecked")
    T existing = (T) resources.get(key);
    if (existing != null) return existing;
    T created = create.get();
    // Like ConcurrentHashMap.computeIfAbsent: a null result is not kept.
    if (created != null) resources.put(key, created);
    return created;
  }

  @Override
  public Instant deadline() { return deadline; }

  /** Sets the current step's deadline (null: no timeout). */
  public TestCallContext deadline(Instant deadline) {
    this.deadline = deadline;
    return this;
  }

  /** An environment named "test" whose {@code kubernetes.server} is {@code server} (a test API server). */
  public TestCallContext kubernetes(String server) {
    var endpoint = new Value.Rec("KubernetesEndpoint", Map.of("server", new Value.Str(server)));
    this.environment = new Value.Rec("Environment", Map.of("name", new Value.Str("test"), "kubernetes", endpoint));
    return this;
  }

  /** Where {@link #readSource} and {@link #listSource} read (a stand-in for the runbook's directory). */
  public TestCallContext runbookDirectory(Path dir) {
    this.runbookDirectory = dir;
    return this;
  }

  @Override
  public Value.Rec environment() { return environment != null ? environment : CallContext.super.environment(); }

  @Override
  public String readSource(String relativePath) throws IOException {
    if (runbookDirectory == null) return CallContext.super.readSource(relativePath);
    return Files.readString(runbookDirectory.resolve(relativePath));
  }

  @Override
  public List<String> listSource(String relativeDirectory) throws IOException {
    if (runbookDirectory == null) return CallContext.super.listSource(relativeDirectory);
    try (var files = Files.list(runbookDirectory.resolve(relativeDirectory))) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  @Override
  public void registerSecret(String value) { secrets.add(value); }

  @Override
  public void progress(String message) { progress.add(message); }

  /** Every value registered as a secret, in order. */
  public List<String> secrets() { return List.copyOf(secrets); }

  public List<String> progressLines() { return List.copyOf(progress); }

  /** How many resources this run holds (e.g. one pool per endpoint). */
  public synchronized int resourceCount() { return resources.size(); }

  /** Ends the run: closes every resource, last created first; a failure to close fails the test. */
  @Override
  public synchronized void close() {
    var all = new ArrayList<>(resources.values());
    resources.clear();
    Exception first = null;
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i) instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          if (first == null) first = e; else first.addSuppressed(e);
        }
      }
    }
    if (first != null) throw new IllegalStateException("closing the run's resources failed", first);
  }
}
