package aegis.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Real servers shared by every test of a run: {@code @ExtendWith(RealServers.class)} and ask for a
 * {@link PostgresServer} or {@link Neo4jServer} as a parameter (of a test, a constructor or a
 * {@code @BeforeAll}). Each server starts on first request and lives in the root context's store,
 * so it starts once per test run (not once per class) and is closed when the run ends.
 *
 * <p>Tests that share a server must not disturb each other: each test class works in a database of
 * its own ({@link PostgresServer#createDatabase}) and never stops the shared server; a test that
 * needs to stop one starts its own with {@link PostgresServer#startDedicated}.
 */
public final class RealServers implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealServers.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
    var type = p.getParameter().getType();
    return type == PostgresServer.class || type == Neo4jServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
    var store = ctx.getRoot().getStore(NS);
    var type = p.getParameter().getType();
    if (type == PostgresServer.class) {
      return store.getOrComputeIfAbsent(PostgresServer.class, k -> PostgresServer.startShared(), PostgresServer.class);
    }
    return store.getOrComputeIfAbsent(Neo4jServer.class, k -> Neo4jServer.start(), Neo4jServer.class);
  }
}
