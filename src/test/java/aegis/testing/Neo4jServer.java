package aegis.testing;

import java.net.URI;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** A real Neo4j, in-process with Bolt on a free local port (no HTTP server), authentication off. */
public final class Neo4jServer implements AutoCloseable {
  private final Neo4j neo4j;

  private Neo4jServer(Neo4j neo4j) { this.neo4j = neo4j; }

  static Neo4jServer start() {
    return new Neo4jServer(Neo4jBuilders.newInProcessBuilder().withDisabledServer().build());
  }

  /** {@code bolt://localhost:PORT}. */
  public URI boltUri() { return neo4j.boltURI(); }

  @Override
  public void close() { neo4j.close(); }
}
