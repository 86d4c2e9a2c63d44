package aegis.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The sandbox's PostgreSQL: a real server from zonky's embedded binaries on the environment's
 * port, trust authentication on the loopback interface, {@code pg_stat_statements} preloaded and
 * autovacuum off (so the dead rows of the seed wait for {@code db-maintenance}). Seeded, it holds
 * the platform's database ({@link PostgresSeed}) and a live incident ({@link IncidentSessions}).
 * Its data directory is temporary; the server's log goes to {@code postgres.log} in the sandbox
 * directory.
 */
final class SandboxPostgres implements SandboxServer {
  private final SandboxLayout.Postgres layout;
  private final EmbeddedPostgres server;
  private final IncidentSessions incident;
  private final Path log;

  private SandboxPostgres(SandboxLayout.Postgres layout, EmbeddedPostgres server, IncidentSessions incident, Path log) {
    this.layout = layout;
    this.server = server;
    this.incident = incident;
    this.log = log;
  }

  /** @param password the role's password when the environment reads one from Vault, else null */
  static SandboxPostgres start(SandboxLayout.Postgres layout, Path directory, boolean seed, String password) throws SandboxException {
    if (PortProbe.listening(layout.port())) throw LoopbackHttp.portTaken(layout.port(), "PostgreSQL");
    var log = directory.resolve("postgres.log");
    EmbeddedPostgres server;
    try {
      Files.createDirectories(directory);
      server = EmbeddedPostgres.builder()
          .setPort(layout.port())
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track", "top")
          .setServerConfig("autovacuum", "off")
          .setServerConfig("max_connections", "100")
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException | RuntimeException e) {
      throw new SandboxException("the sandbox's PostgreSQL did not start (its log: " + log + "): " + e.getMessage(), e);
    }
    IncidentSessions incident = null;
    try {
      var url = "jdbc:postgresql://127.0.0.1:" + layout.port();
      try (var c = connect(url + "/postgres"); var st = c.createStatement()) {
        if (!layout.user().equals("postgres")) st.execute("CREATE ROLE " + quote(layout.user()) + " LOGIN SUPERUSER");
        if (password != null) st.execute("ALTER ROLE " + quote(layout.user()) + " PASSWORD '" + password + "'");
        st.execute("CREATE DATABASE " + quote(layout.database()) + " OWNER " + quote(layout.user()));
      }
      if (seed) {
        try (var c = connect(url + "/" + layout.database())) {
          PostgresSeed.seed(c);
        }
        incident = IncidentSessions.start(url, "postgres");
      }
    } catch (SQLException e) {
      close(server, null);
      throw new SandboxException("the sandbox could not seed PostgreSQL: " + e.getMessage(), e);
    }
    return new SandboxPostgres(layout, server, incident, log);
  }

  private static Connection connect(String url) throws SQLException {
    var props = new Properties();
    props.setProperty("user", "postgres");
    props.setProperty("ApplicationName", "aegis-sandbox");
    return DriverManager.getConnection(url, props);
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public Component component() { return Component.POSTGRES; }

  @Override
  public List<String> describe() {
    var lines = new java.util.ArrayList<String>();
    lines.add("127.0.0.1:" + layout.port() + " database " + layout.database() + ", user " + layout.user()
        + " (trust authentication): psql -h 127.0.0.1 -p " + layout.port() + " -U " + layout.user() + " " + layout.database());
    if (incident != null) {
      lines.add("  an incident in " + IncidentSessions.DATABASE + ": a report query that never ends, a lock held by an idle transaction");
    }
    lines.add("  log: " + log);
    return lines;
  }

  @Override
  public void close() { close(server, incident); }

  private static void close(EmbeddedPostgres server, IncidentSessions incident) {
    if (incident != null) incident.close();
    try {
      server.close();
    } catch (IOException e) {
      // zonky also stops the server from its shutdown hook
    }
  }
}
