package aegis.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.util.FileUtils;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * The sandbox's Neo4j: the Neo4j harness in-process, Bolt (and HTTP, when the environment checks
 * Neo4j's health over HTTP) on the environment's ports, authentication off. Seeded, it holds a
 * small transaction graph of the platform's shape (entities, accounts, transfers, alerts) with
 * the indexes graph-engine queries by. Its store is temporary and removed when it stops.
 */
final class SandboxNeo4j implements SandboxServer {
  private static final long PAGE_CACHE_BYTES = 32L << 20;
  /** Neo4j's HTTP server (Jersey) logs a warning about an optional provider on every start; kept to keep its level. */
  private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");
  /**
   * Its Bolt server's Netty (which logs through {@code java.util.logging}, see
   * {@code aegis.cli.LibraryDefaults}) warns on every start that its in-process channel has no
   * {@code SO_REUSEADDR}; kept to keep its level.
   */
  private static final java.util.logging.Logger NETTY = java.util.logging.Logger.getLogger("io.netty");
  private static final int ENTITIES = 60;
  private static final int TRANSFERS = 240;

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
    JERSEY.setLevel(java.util.logging.Level.SEVERE);
    NETTY.setLevel(java.util.logging.Level.SEVERE);
    Path store;
    try {
      store = Files.createTempDirectory("aegis-sandbox-neo4j");
    } catch (java.io.IOException e) {
      throw new SandboxException("the sandbox's Neo4j has no room for its store: " + e.getMessage(), e);
    }
    try {
      var builder = Neo4jBuilders.newInProcessBuilder(store)
          .withConfig(GraphDatabaseSettings.auth_enabled, false)
          // A small graph: a small page cache, and no preallocated files to write.
          .withConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
          .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .withConfig(GraphDatabaseSettings.preallocate_store_files, false)
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
      if (seed) seed(neo4j.defaultDatabaseService());
      var db = neo4j.defaultDatabaseService();
      // The harness starts with the query collector running (db.stats.status says "collecting");
      // a server starts with it idle, as db-maintenance expects (statsClear is refused while it runs).
      // (The result is read to the end: a procedure's rows are lazy, and an unread call does nothing.)
      db.executeTransactionally("CALL db.stats.stop('QUERIES')", java.util.Map.of(), result -> result.stream().count());
      // The first Cypher queries of a JVM compile the query pipeline, seconds on a busy machine:
      // paid here, so that the first runbook's readiness check (5 s) does not run out of time.
      db.executeTransactionally("RETURN 1 AS ok");
      return new SandboxNeo4j(layout, neo4j, store);
    } catch (RuntimeException e) {
      deleteQuietly(store);
      throw new SandboxException("the sandbox's Neo4j did not start: " + e.getMessage(), e);
    }
  }

  /** Through the embedded API: Cypher would compile a plan for each statement, which the boot need not pay. */
  private static void seed(GraphDatabaseService db) {
    try (var tx = db.beginTx()) {
      tx.schema().indexFor(Label.label("Entity")).on("id").withName("entity_id").create();
      tx.schema().indexFor(Label.label("Account")).on("iban").withName("account_iban").create();
      tx.schema().indexFor(Label.label("Alert")).on("status").withName("alert_status").create();
      tx.commit();
    }
    try (var tx = db.beginTx()) {
      var accounts = new ArrayList<Node>();
      for (int i = 1; i <= ENTITIES; i++) {
        var entity = tx.createNode(Label.label("Entity"));
        entity.setProperty("id", i);
        entity.setProperty("name", "Entity " + i);
        entity.setProperty("kind", i % 3 == 0 ? "company" : "person");
        entity.setProperty("riskScore", (double) ((i * 37) % 100));
        var account = tx.createNode(Label.label("Account"));
        account.setProperty("iban", "GB" + String.format("%010d", i));
        account.setProperty("openedAt", LocalDate.of(2024, 1, 1).plusDays(i * 11L));
        entity.createRelationshipTo(account, RelationshipType.withName("OWNS"));
        accounts.add(account);
      }
      var now = ZonedDateTime.now(ZoneOffset.UTC);
      for (int n = 0; n < TRANSFERS; n++) {
        var source = accounts.get(n % accounts.size());
        var sent = source.createRelationshipTo(accounts.get((n * 7 + 3) % accounts.size()), RelationshipType.withName("SENT"));
        sent.setProperty("amount", ((n * 7919) % 250000) / 10.0);
        sent.setProperty("currency", "EUR");
        sent.setProperty("at", now.minusHours(n));
        if (n % 20 == 0) {
          var alert = tx.createNode(Label.label("Alert"));
          alert.setProperty("id", n / 20);
          alert.setProperty("rule", "rapid-movement");
          alert.setProperty("status", n % 40 == 0 ? "open" : "closed");
          alert.createRelationshipTo(source, RelationshipType.withName("ON"));
        }
      }
      tx.commit();
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
    try {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
    } catch (java.io.IOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }
}
