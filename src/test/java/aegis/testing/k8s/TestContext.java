package aegis.testing.k8s;

import aegis.adapters.CallContext;
import aegis.eval.Value;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** A {@link CallContext} whose environment points {@code env.kubernetes.server} at a test API server. */
public final class TestContext implements CallContext, AutoCloseable {
  private final Mode mode;
  private final Value.Rec environment;
  private final Map<String, Object> resources = new HashMap<>();
  private Instant deadline;
  private Path runbookDirectory;
  public final Set<String> secrets = new LinkedHashSet<>();
  public final List<String> progress = new ArrayList<>();

  public TestContext(Mode mode, String server) {
    this.mode = mode;
    var endpoint = new Value.Rec("KubernetesEndpoint", Map.of("server", new Value.Str(server)));
    this.environment = new Value.Rec("Environment", Map.of("name", new Value.Str("test"), "kubernetes", endpoint));
  }

  public static TestContext apply(String server) { return new TestContext(Mode.APPLY, server); }

  public static TestContext plan(String server) { return new TestContext(Mode.PLAN, server); }

  public TestContext deadline(Instant d) {
    this.deadline = d;
    return this;
  }

  /** Where {@link #readSource} and {@link #listSource} read (a stand-in for the runbook's directory). */
  public TestContext runbookDirectory(Path dir) {
    this.runbookDirectory = dir;
    return this;
  }

  @Override
  public Mode mode() { return mode; }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <T> T resource(String key, Supplier<T> create) {
    return (T) resources.computeIfAbsent(key, k -> create.get());
  }

  @Override
  public Instant deadline() { return deadline; }

  @Override
  public synchronized void registerSecret(String value) { secrets.add(value); }

  @Override
  public synchronized void progress(String message) { progress.add(message); }

  @Override
  public Value.Rec environment() { return environment; }

  @Override
  public String readSource(String relativePath) throws java.io.IOException {
    if (runbookDirectory == null) return CallContext.super.readSource(relativePath);
    return java.nio.file.Files.readString(runbookDirectory.resolve(relativePath));
  }

  @Override
  public List<String> listSource(String relativeDirectory) throws java.io.IOException {
    if (runbookDirectory == null) return CallContext.super.listSource(relativeDirectory);
    try (var files = java.nio.file.Files.list(runbookDirectory.resolve(relativeDirectory))) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  @Override
  public void close() throws Exception {
    for (var r : resources.values()) if (r instanceof AutoCloseable c) c.close();
  }
}
