package aegis.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The sandbox's Neo4j: the Neo4j harness in-process, Bolt (and HTTP, when the environment checks
 * Neo4j's health over HTTP) on the environment's ports, authentication off. Seeded, it holds a
 * small transaction graph of the platform's shape (entities, accounts, transfers, alerts) with
 * the indexes graph-engine queries by. Its store is temporary and removed when it stops.
 */
final class SandboxNeo4j implements SandboxServer {
  private static final String SEED = """
      CREATE INDEX entity_id IF NOT EXISTS FOR (e:Entity) ON (e.id);
      CREATE INDEX account_iban IF NOT EXISTS FOR (a:Account) ON (a.iban);
      CREATE INDEX alert_status IF NOT EXISTS FOR (a:Alert) ON (a.status);
      """;
  private static final String GRAPH = """
      UNWIND range(1, 60) AS i
      CREATE (e:Entity {id: i, name: 'Entity ' + i, kind: CASE WHEN i % 3 = 0 THEN 'company' ELSE 'person' END,
                        riskScore: toFloat((i * 37) % 100)})
      CREATE (a:Account {iban: 'GB' + right('0000000000' + toString(i), 10), openedAt: date('2024-01-01') + duration({days: i * 11})})
      CREATE (e)-[:OWNS]->(a)
      WITH collect(a) AS accounts
      UNWIND range(0, 239) AS n
      WITH accounts, n, accounts[n % size(accounts)] AS source, accounts[(n * 7 + 3) % size(accounts)] AS target
      CREATE (source)-[:SENT {amount: toFloat((n * 7919) % 250000) / 10.0, currency: 'EUR', at: datetime() - duration({hours: n})}]->(target)
      WITH n, source WHERE n % 20 = 0
      CREATE (:Alert {id: n / 20, rule: 'rapid-movement', status: CASE WHEN n % 40 = 0 THEN 'open' ELSE 'closed' END})-[:ON]->(source)
      """;

  private final SandboxLayout.Neo4j layout;
  private final Neo4j neo4j;
  private final Path store;

  private SandboxNeo4j(SandboxLayout.Neo4j layout, Neo4j neo4j, Path store) {
    this.layout = layout;
    this.neo4j = neo4j;
    this.store = store;
  }

  static SandboxNeo4j start(SandboxLayout.Neo4j layout, boolean seed) throws SandboxException {
    if (PortProbe.listening(layout.boltPort())) throw LoopbackHttp.portTaken(layout.boltPort(), "Neo4j");
    if (layout.httpPort() != null && PortProbe.listening(layout.httpPort())) throw LoopbackHttp.portTaken(layout.httpPort(), "Neo4j");
    Path store;
    try {
      store = Files.createTempDirectory("aegis-sandbox-neo4j");
    } catch (java.io.IOException e) {
      throw new SandboxException("the sandbox's Neo4j has no room for its store: " + e.getMessage(), e);
    }
    try {
      var builder = Neo4jBuilders.newInProcessBuilder(store)
          .withConfig(GraphDatabaseSettings.auth_enabled, false)
          .withConfig(BoltConnector.enabled, true)
          .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", layout.boltPort()))
          .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
      if (layout.httpPort() == null) {
        builder = builder.withDisabledServer();
      } else {
        builder = builder.withConfig(HttpConnector.enabled, true)
            .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", layout.httpPort()));
      }
      var neo4j = builder.build();
      if (seed) {
        var db = neo4j.defaultDatabaseService();
        for (var statement : SEED.strip().split(";\\s*")) db.executeTransactionally(statement);
        db.executeTransactionally(GRAPH);
      }
      return new SandboxNeo4j(layout, neo4j, store);
    } catch (RuntimeException e) {
      deleteQuietly(store);
      throw new SandboxException("the sandbox's Neo4j did not start: " + e.getMessage(), e);
    }
  }

  @Override
  public Component component() { return Component.NEO4J; }

  @Override
  public List<String> describe() {
    var lines = new ArrayList<String>();
    lines.add("bolt://127.0.0.1:" + layout.boltPort() + (layout.httpPort() == null ? "" : ", http://127.0.0.1:" + layout.httpPort())
        + " (no authentication)");
    return lines;
  }

  @Override
  public void close() {
    try {
      neo4j.close();
    } finally {
      deleteQuietly(store);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }
}
