package aegis.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A real PostgreSQL (zonky embedded binaries) for tests. TCP connections from 127.0.0.1 need a
 * password (scram-sha-256) for the role {@value #ADMIN}, so that tests exercise real password
 * authentication; zonky's own bootstrap connections as {@code postgres} stay trusted.
 *
 * <p>The shared instance comes from {@link RealServers}; {@link #startDedicated} makes a throwaway
 * one for tests that stop the server or need a different configuration.
 */
public final class PostgresServer implements AutoCloseable {
  /** A superuser that authenticates with {@link #ADMIN_PASSWORD}. */
  public static final String ADMIN = "aegis_admin";
  public static final String ADMIN_PASSWORD = "test-only-admin-pw";

  private final EmbeddedPostgres pg;

  private PostgresServer(EmbeddedPostgres pg) { this.pg = pg; }

  /** The shared server's configuration: pg_stat_statements preloaded. */
  static PostgresServer startShared() { return start(true); }

  /** A server of its own for one test, closed by that test; {@code statStatements} preloads pg_stat_statements. */
  public static PostgresServer startDedicated(boolean statStatements) { return start(statStatements); }

  private static PostgresServer start(boolean statStatements) {
    try {
      var builder = EmbeddedPostgres.builder()
          .setDataDirectoryCustomizer(dir -> requirePasswords(dir.toPath()))
          .setServerConfig("max_connections", "60")
          // Statistics that tests assert on (never vacuumed, dead rows) must not change behind their back.
          .setServerConfig("autovacuum", "off");
      if (statStatements) {
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("pg_stat_statements.track", "all");
      }
      var server = new PostgresServer(builder.start());
      server.bootstrap();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  /** Password authentication for the admin role on TCP; zonky's bootstrap user stays trusted. */
  private static void requirePasswords(Path dataDir) {
    var hba = """
        host all %s 127.0.0.1/32 scram-sha-256
        host all %s ::1/128 scram-sha-256
        local all all trust
        host all all 127.0.0.1/32 trust
        host all all ::1/128 trust
        """.formatted(ADMIN, ADMIN);
    try {
      Files.writeString(dataDir.resolve("pg_hba.conf"), hba);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void bootstrap() {
    try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
      st.execute("CREATE ROLE " + ADMIN + " LOGIN SUPERUSER PASSWORD '" + ADMIN_PASSWORD + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test role", e);
    }
  }

  public String host() { return "127.0.0.1"; }

  public int port() { return pg.getPort(); }

  /** Creates a database owned by the admin role (with pg_stat_statements when {@code statStatements}). */
  public void createDatabase(String name, boolean statStatements) {
    try (var c = adminConnection("postgres"); var st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " OWNER " + ADMIN);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    if (statStatements) {
      try (var c = adminConnection(name); var st = c.createStatement()) {
        st.execute("CREATE EXTENSION pg_stat_statements");
      } catch (SQLException e) {
        throw new IllegalStateException("could not create pg_stat_statements in " + name, e);
      }
    }
  }

  /** A plain JDBC connection as the admin role, for seeding and for sessions that hold locks. */
  public Connection adminConnection(String database) throws SQLException {
    var props = new Properties();
    props.setProperty("user", ADMIN);
    props.setProperty("password", ADMIN_PASSWORD);
    return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database, props);
  }

  @Override
  public void close() throws IOException { pg.close(); }
}
