package aegis.adapters.pg;

import aegis.adapters.CredentialRef;
import java.time.Duration;
import java.util.Objects;

/**
 * One PostgreSQL database to connect to, as a runbook's environment describes it.
 *
 * @param password         where the password comes from (never the password); null when the server asks for none
 * @param sslMode          libpq/pgjdbc {@code sslmode}: disable, prefer, require, verify-ca, verify-full
 * @param connectTimeout   how long to wait for a connection (and authentication)
 * @param statementTimeout the longest any one statement may run; null for no limit besides the step's timeout
 */
public record PgEndpoint(
    String host, int port, String database, String user, CredentialRef password,
    String sslMode, Duration connectTimeout, Duration statementTimeout) {

  public PgEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (port <= 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not a TCP port");
    if (sslMode == null || sslMode.isBlank()) sslMode = "prefer";
  }

  /** {@code host:port/database}, for messages and plan targets. */
  public String display() { return host + ":" + port + "/" + database; }

  /** The key of this endpoint's pool in a run: one pool per user and database. */
  String poolKey() { return "pg:" + user + "@" + display(); }

  String jdbcUrl() { return "jdbc:postgresql://" + host + ":" + port + "/" + database; }
}
