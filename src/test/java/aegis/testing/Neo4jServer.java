package aegis.testing;

import java.net.URI;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A real Neo4j, in-process with Bolt on a free local port (no HTTP server). Authentication is on:
 * the user {@value #USER} logs in with {@value #PASSWORD}, so tests exercise real login failures.
 */
public final class Neo4jServer implements AutoCloseable {
  public static final String USER = "aegis";
  public static final String PASSWORD = "test-only-neo4j-pw";

  private final Neo4j neo4j;

  private Neo4jServer(Neo4j neo4j) { this.neo4j = neo4j; }

  static Neo4jServer start() {
    var neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
        .withConfig(GraphDatabaseSettings.auth_enabled, true)
        .build();
    // The embedded API is not subject to Bolt authentication: it creates the login the tests use.
    neo4j.databaseManagementService().database("system").executeTransactionally(
        "CREATE USER " + USER + " SET PLAINTEXT PASSWORD '" + PASSWORD + "' CHANGE NOT REQUIRED");
    return new Neo4jServer(neo4j);
  }

  /** {@code bolt://localhost:PORT}. */
  public URI boltUri() { return neo4j.boltURI(); }

  /** Runs Cypher in the default database directly (seeding), bypassing Bolt. */
  public void run(String cypher) { neo4j.defaultDatabaseService().executeTransactionally(cypher); }

  @Override
  public void close() { neo4j.close(); }
}
