package aegis.adapters.neo4j;

import aegis.adapters.CredentialRef;
import java.util.Objects;

/**
 * One Neo4j server or cluster, as a runbook's environment describes it.
 *
 * @param uri      Bolt URI, {@code bolt://} (one server) or {@code neo4j://} (routing)
 * @param password where the password comes from (never the password); null when authentication is disabled
 * @param database the database calls use when they name none
 */
public record Neo4jEndpoint(String uri, String user, CredentialRef password, String database) {
  public Neo4jEndpoint {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(user, "user");
    if (database == null || database.isBlank()) database = "neo4j";
  }

  /** The key of this endpoint's driver in a run. */
  String driverKey() { return "neo4j:" + user + "@" + uri; }
}
