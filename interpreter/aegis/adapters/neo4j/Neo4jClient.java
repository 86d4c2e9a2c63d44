package aegis.adapters.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * One run's driver for one Neo4j endpoint. Queries run in read transactions (the server rejects
 * writes in them), under a server-side transaction timeout; the driver's own retries are off, so a
 * failure surfaces at once as an {@link aegis.adapters.AdapterException} and the step's
 * {@code retry} decides what to do.
 */
public final class Neo4jClient implements AutoCloseable {
  /** One database copy as {@code SHOW DATABASES} lists it; {@code error} null when fine. */
  public record DatabaseInfo(String name, String address, String role, String requestedStatus, String currentStatus,
      String error, boolean isDefault) {}

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final Neo4jEndpoint endpoint;
  private final Driver driver;

  private Neo4jClient(Neo4jEndpoint endpoint, Driver driver) {
    this.endpoint = endpoint;
    this.driver = driver;
  }

  /** A driver with at most {@code maxConnections} connections; nothing is contacted until the first call. */
  // Logging.none() is deprecated in driver 6, but without it the driver logs connection events to the terminal of a CLI.
  @SuppressWarnings("deprecation")
  public static Neo4jClient open(Neo4jEndpoint endpoint, String password, int maxConnections) {
    var config = Config.builder()
        .withLogging(Logging.none())
        .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
        .withMaxConnectionPoolSize(maxConnections)
        .withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
        .withUserAgent("aegis")
        .withTelemetryDisabled(true)
        .build();
    try {
      return new Neo4jClient(endpoint, GraphDatabase.driver(endpoint.uri(),
          password == null ? AuthTokens.none() : AuthTokens.basic(endpoint.user(), password), config));
    } catch (IllegalArgumentException e) {
      throw new aegis.adapters.AdapterException(Neo4jErrors.SYSTEM, "\"" + endpoint.uri() + "\" is not a Neo4j URI: " + e.getMessage(), e);
    }
  }

  public Neo4jEndpoint endpoint() { return endpoint; }

  /**
   * Whether the server accepts a connection and answers {@code RETURN 1}. An unreachable server
   * is not ready; bad credentials throw, because waiting would never make them ready.
   */
  public boolean ready(Duration timeout) {
    try {
      return read("readiness check", null, timeout, tx -> tx.run("RETURN 1 AS ok").single().get("ok").asInt() == 1);
    } catch (aegis.adapters.AdapterException e) {
      if (Neo4jErrors.unavailable(e.getCause())) return false;
      throw e;
    }
  }

  /** Rows of a read query against {@code database} (the endpoint's when null), each column converted by {@link Neo4jTypes}. */
  public List<Map<String, Object>> query(String cypher, Map<String, Object> params, String database, Duration timeout) {
    return read("query", database, timeout, tx -> {
      var rows = new ArrayList<Map<String, Object>>();
      for (Record r : tx.run(cypher, params).list()) rows.add(Neo4jTypes.row(r));
      return rows;
    });
  }

  /** {@code SHOW DATABASES}, run against the system database. */
  public List<DatabaseInfo> showDatabases(Duration timeout) {
    return read("SHOW DATABASES", "system", timeout, tx -> tx.run(
        "SHOW DATABASES YIELD name, address, role, requestedStatus, currentStatus, statusMessage, default").list(r ->
        new DatabaseInfo(r.get("name").asString(), r.get("address").asString(""), r.get("role").asString("unknown"),
            r.get("requestedStatus").asString(""), r.get("currentStatus").asString(""),
            r.get("statusMessage").asString("").isEmpty() ? null : r.get("statusMessage").asString(),
            r.get("default").asBoolean(false))));
  }

  /** Runs {@code work} in a read transaction of {@code database} (the endpoint's when null). */
  <T> T read(String what, String database, Duration timeout, Function<TransactionContext, T> work) {
    try (var session = driver.session(sessionConfig(database))) {
      return session.executeRead(work::apply, txConfig(timeout));
    } catch (RuntimeException e) {
      throw Neo4jErrors.translate(e, endpoint, what);
    }
  }

  /** Runs {@code work} in a write transaction of {@code database} (the endpoint's when null). */
  <T> T write(String what, String database, Duration timeout, Function<TransactionContext, T> work) {
    try (var session = driver.session(sessionConfig(database))) {
      return session.executeWrite(work::apply, txConfig(timeout));
    } catch (RuntimeException e) {
      throw Neo4jErrors.translate(e, endpoint, what);
    }
  }

  private SessionConfig sessionConfig(String database) {
    return SessionConfig.forDatabase(database == null ? endpoint.database() : database);
  }

  private static TransactionConfig txConfig(Duration timeout) {
    if (timeout == null) return TransactionConfig.empty();
    if (timeout.isZero() || timeout.isNegative()) {
      throw new aegis.adapters.AdapterException(Neo4jErrors.SYSTEM, "the step's time is up: nothing was sent to Neo4j");
    }
    return TransactionConfig.builder().withTimeout(timeout).build();
  }

  /**
   * Closes the driver's connections and returns without waiting for its network threads to end:
   * the driver stops them with a 200 ms quiet period (netty's graceful shutdown), which every run
   * that touched Neo4j paid at its end. The threads are daemons; the connections are closed by the
   * driver's first close step, before that quiet period, and the driver refuses new work at once.
   */
  @Override
  public void close() { driver.closeAsync(); }
}
