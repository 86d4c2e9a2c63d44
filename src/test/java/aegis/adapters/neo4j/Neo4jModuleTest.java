package aegis.adapters.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.CredentialSource;
import aegis.eval.Value;
import aegis.testing.Neo4jServer;
import aegis.testing.RealServers;
import aegis.testing.TestCallContext;
import aegis.testing.adapters.StdlibExterns;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The neo4j module through the registry, against the shared in-process Neo4j (Bolt, authentication on). */
@ExtendWith(RealServers.class)
class Neo4jModuleTest {
  private static final String VAR = "AEGIS_TEST_NEO4J_PASSWORD";
  private static Neo4jServer server;
  private static BuiltinRegistry registry;
  private TestCallContext plan;
  private TestCallContext apply;

  @BeforeAll
  static void seed(Neo4jServer shared) {
    server = shared;
    registry = new BuiltinRegistry(List.of(new Neo4jModule(CredentialSource.environment(Map.of(VAR, Neo4jServer.PASSWORD)))));
    server.run("""
        MERGE (a:Entity {id: 1, name: 'Acme Holdings', kind: 'company'})
        MERGE (b:Entity {id: 2, name: 'J. Doe', kind: 'person'})
        MERGE (a)-[:TRANSFERRED {amount: 9500.0}]->(b)""");
    server.run("CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)");
  }

  @BeforeEach
  void runs() {
    plan = TestCallContext.plan();
    apply = TestCallContext.apply();
  }

  @AfterEach
  void endRuns() {
    plan.close();
    apply.close();
  }

  static Value.Rec endpoint(String uri) {
    var credential = new LinkedHashMap<String, Value>();
    credential.put("vaultPath", Value.Null.INSTANCE);
    credential.put("key", new Value.Str("password"));
    credential.put("envVar", new Value.Str(VAR));
    var f = new LinkedHashMap<String, Value>();
    f.put("uri", new Value.Str(uri));
    f.put("user", new Value.Str(Neo4jServer.USER));
    f.put("password", new Value.Rec("core.Credential", credential));
    f.put("database", new Value.Str("neo4j"));
    return new Value.Rec("core.Neo4jEndpoint", f);
  }

  private static Value call(BuiltinRegistry reg, TestCallContext ctx, Value.Rec ep, String fn, Value... args) {
    var all = new ArrayList<Value>();
    all.add(ep);
    all.addAll(List.of(args));
    return reg.find("neo4j", fn).orElseThrow().invoke().call(ctx, new Args(fn, all));
  }

  private static Value call(TestCallContext ctx, String fn, Value... args) {
    return call(registry, ctx, endpoint(server.boltUri().toString()), fn, args);
  }

  private static aegis.adapters.ActionPreview preview(TestCallContext ctx, String fn, Value... args) {
    var all = new ArrayList<Value>();
    all.add(endpoint(server.boltUri().toString()));
    all.addAll(List.of(args));
    return registry.find("neo4j", fn).orElseThrow().preview().preview(ctx, new Args(fn, all));
  }

  /** A statement over Bolt, as an operator's cypher-shell would send it. */
  private static void bolt(String cypher) {
    try (var d = org.neo4j.driver.GraphDatabase.driver(server.boltUri(), org.neo4j.driver.AuthTokens.basic(Neo4jServer.USER, Neo4jServer.PASSWORD));
        var s = d.session()) {
      s.run(cypher).consume();
    }
  }

  private static final Value FIVE_SECONDS = new Value.Dur(Duration.ofSeconds(5));
  private static final Value NO_PARAMS = new Value.MapV(Map.of());

  @Test
  void implementsExactlyTheStdlibDeclarationsWithAPreviewForEveryWrite() throws Exception {
    StdlibExterns.assertBound(new Neo4jModule());
  }

  @Test
  void aClosedClientRefusesWorkAtOnce() {
    var client = Neo4jClient.open(new Neo4jEndpoint(server.boltUri().toString(), Neo4jServer.USER, null, "neo4j"),
        Neo4jServer.PASSWORD, 2);
    assertTrue(client.ready(Duration.ofSeconds(30)));
    client.close();
    assertThrows(RuntimeException.class, () -> client.ready(Duration.ofSeconds(30)), "its driver is closed");
  }

  @Test
  void readyAndItsFailures() throws Exception {
    assertEquals(Value.Bool.TRUE, call(apply, "ready", FIVE_SECONDS));
    assertEquals(1, apply.resourceCount(), "one driver per endpoint per run");
    assertEquals(List.of(Neo4jServer.PASSWORD), apply.secrets());

    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertEquals(Value.Bool.FALSE, call(registry, apply, endpoint("bolt://127.0.0.1:" + port), "ready", FIVE_SECONDS));

    var wrong = "not-the-neo4j-pw";
    var bad = new BuiltinRegistry(List.of(new Neo4jModule(CredentialSource.environment(Map.of(VAR, wrong)))));
    try (var run = TestCallContext.apply()) {
      var e = assertThrows(AdapterException.class, () -> call(bad, run, endpoint(server.boltUri().toString()), "ready", FIVE_SECONDS));
      assertEquals("authentication failed for user \"aegis\" at " + server.boltUri() + ": check the password in the environment variable "
          + VAR, e.getMessage());
      for (Throwable t = e; t != null; t = t.getCause()) assertFalse(String.valueOf(t.getMessage()).contains(wrong));
    }
  }

  @Test
  void queryRowsAreTextAndReadOnly() {
    var rows = call(apply, "query", new Value.Str("""
        MATCH (a:Entity)-[t:TRANSFERRED]->(b:Entity {name: $name})
        RETURN a.name AS source, t.amount AS amount, b.id AS target, a.missing AS missing, [1, 2] AS xs"""),
        new Value.MapV(Map.of("name", new Value.Str("J. Doe"))), Value.Null.INSTANCE);
    assertEquals(new Value.ListV(List.of(new Value.MapV(Map.of("source", new Value.Str("Acme Holdings"), "amount", new Value.Str("9500.0"),
        "target", new Value.Str("2"), "xs", new Value.Str("[1,2]"))))), rows);

    var node = (Value.MapV) ((Value.ListV) call(apply, "query", new Value.Str("MATCH (e:Entity {id: 2}) RETURN e"), NO_PARAMS, Value.Null.INSTANCE)).items().getFirst();
    assertEquals(new Value.Str("{\"labels\":[\"Entity\"],\"properties\":{\"id\":2,\"kind\":\"person\",\"name\":\"J. Doe\"}}"), node.entries().get("e"));

    var e = assertThrows(AdapterException.class,
        () -> call(apply, "query", new Value.Str("CREATE (:Entity {id: 3})"), NO_PARAMS, Value.Null.INSTANCE));
    assertTrue(e.getMessage().startsWith("query tried to write in a read transaction (" + server.boltUri() + "): "), e.getMessage());
    assertEquals(new Value.Str("2"), ((Value.MapV) ((Value.ListV) call(apply, "query", new Value.Str("MATCH (e:Entity) RETURN count(e) AS n"),
        NO_PARAMS, Value.Null.INSTANCE)).items().getFirst()).entries().get("n"));

    var unknown = assertThrows(AdapterException.class,
        () -> call(apply, "query", new Value.Str("RETURN 1"), NO_PARAMS, new Value.Str("nosuchdb")));
    assertTrue(unknown.getMessage().contains("nosuchdb"), unknown.getMessage());
  }

  @Test
  void showDatabasesListsEveryDatabase() {
    var dbs = ((Value.ListV) call(apply, "showDatabases")).items().stream().map(v -> (Value.Rec) v).toList();
    assertEquals(List.of("neo4j", "system"), dbs.stream().map(d -> d.get("name").show()).sorted().toList());
    var neo4j = dbs.stream().filter(d -> d.get("name").show().equals("neo4j")).findFirst().orElseThrow();
    assertEquals("neo4j.Database", neo4j.type());
    assertEquals(new Value.Str("online"), neo4j.get("currentStatus"));
    assertEquals(new Value.Str("primary"), neo4j.get("role"));
    assertEquals(Value.Null.INSTANCE, neo4j.get("error"));
    assertEquals(Value.Bool.TRUE, neo4j.get("isDefault"));
  }

  @Test
  void statsClearIsPlannedThenRefusedWhileCollectingThenClears() {
    bolt("CALL db.stats.collect('QUERIES')");
    call(apply, "query", new Value.Str("MATCH (e:Entity) RETURN count(e)"), NO_PARAMS, Value.Null.INSTANCE);
    var whileCollecting = preview(plan, "statsClear", Value.Null.INSTANCE);
    assertEquals("neo4j " + server.boltUri() + " neo4j", whileCollecting.target());
    assertTrue(whileCollecting.description().contains("collection collecting: the clear will be refused"), whileCollecting.description());
    var refused = assertThrows(AdapterException.class, () -> call(apply, "statsClear", Value.Null.INSTANCE));
    assertTrue(refused.getMessage().endsWith("Collected data cannot be cleared while collecting. Stop the collection first: CALL db.stats.stop('QUERIES')."),
        refused.getMessage());

    bolt("CALL db.stats.stop('QUERIES')");
    var idle = preview(plan, "statsClear", new Value.Str("neo4j"));
    assertEquals("idle", idle.live().get("status").asText());
    assertTrue(idle.live().get("queries").asLong() > 0, idle.description());
    assertTrue(idle.description().matches("CALL db.stats.clear\\('QUERIES'\\) on neo4j: data on \\d+ quer(y|ies) \\(\\d+ invocations?\\); collection idle"),
        idle.description());

    assertEquals(Value.Null.INSTANCE, call(apply, "statsClear", Value.Null.INSTANCE));
    assertEquals(0, preview(plan, "statsClear", Value.Null.INSTANCE).live().get("queries").asLong());
  }

  @Test
  void resampleIndexesIsPlannedAndRuns() {
    var p = preview(plan, "resampleIndexes", Value.Null.INSTANCE);
    assertEquals("db.resampleOutdatedIndexes", p.operation());
    assertTrue(p.live().get("total").asLong() >= 3, p.description());
    assertEquals(Value.Null.INSTANCE, call(apply, "resampleIndexes", Value.Null.INSTANCE));
  }
}
