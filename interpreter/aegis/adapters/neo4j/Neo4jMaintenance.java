package aegis.adapters.neo4j;

import aegis.adapters.AdapterException;
import java.time.Duration;
import java.util.List;

/**
 * The guide's Neo4j housekeeping: clearing the query data of {@code db.stats} and resampling
 * outdated index statistics, each with what a plan shows about it.
 */
public final class Neo4jMaintenance {
  private Neo4jMaintenance() {}

  /** The QUERIES section of {@code db.stats}: whether a collection runs, and how much it holds. */
  public record QueryStats(String database, String status, long queries, long invocations) {
    public boolean collecting() { return status.equals("collecting"); }

    public String description() {
      var held = queries == 0 ? "no query data" : "data on " + queries + (queries == 1 ? " query" : " queries") + " ("
          + invocations + (invocations == 1 ? " invocation" : " invocations") + ")";
      return "CALL db.stats.clear('QUERIES') on " + database + ": " + held + "; collection " + status
          + (collecting() ? ": the clear will be refused until the collection stops (CALL db.stats.stop('QUERIES'))" : "");
    }
  }

  /** Index statistics a resample would refresh. */
  public record Indexes(String database, long online, long total) {
    public String description() {
      return "CALL db.resampleOutdatedIndexes() on " + database + ": " + online + " of " + total
          + " indexes online; those whose data changed enough are resampled";
    }
  }

  public static QueryStats queryStats(Neo4jClient client, String database, Duration timeout) {
    var db = database == null ? client.endpoint().database() : database;
    return client.read("reading db.stats", db, timeout, tx -> {
      var status = tx.run("CALL db.stats.status() YIELD section, status WHERE section = 'QUERIES' RETURN status")
          .list(r -> r.get("status").asString());
      var data = tx.run("""
          CALL db.stats.retrieve('QUERIES') YIELD data
          RETURN count(*) AS queries, coalesce(sum(data.invocationSummary.invocationCount), 0) AS invocations""").single();
      return new QueryStats(db, status.isEmpty() ? "idle" : status.getFirst(), data.get("queries").asLong(), data.get("invocations").asLong());
    });
  }

  /** Clears the QUERIES section; fails with the server's reason when it refuses (e.g. while collecting). */
  public static void statsClear(Neo4jClient client, String database, Duration timeout) {
    var db = database == null ? client.endpoint().database() : database;
    var outcome = client.write("db.stats.clear", db, timeout, tx -> tx.run("CALL db.stats.clear('QUERIES') YIELD success, message RETURN success, message")
        .single());
    if (!outcome.get("success").asBoolean()) {
      throw new AdapterException(Neo4jErrors.SYSTEM, "Neo4j refused to clear the query statistics of " + db + " ("
          + client.endpoint().uri() + "): " + outcome.get("message").asString()
          + (outcome.get("message").asString().contains("collecting") ? " Stop the collection first: CALL db.stats.stop('QUERIES')." : ""));
    }
  }

  public static Indexes indexes(Neo4jClient client, String database, Duration timeout) {
    var db = database == null ? client.endpoint().database() : database;
    return client.read("listing indexes", db, timeout, tx -> {
      List<String> states = tx.run("SHOW INDEXES YIELD state").list(r -> r.get("state").asString());
      return new Indexes(db, states.stream().filter("ONLINE"::equals).count(), states.size());
    });
  }

  public static void resampleIndexes(Neo4jClient client, String database, Duration timeout) {
    client.write("db.resampleOutdatedIndexes", database, timeout, tx -> tx.run("CALL db.resampleOutdatedIndexes()").consume());
  }
}
