package aegis.adapters.pg;

import aegis.adapters.CredentialRef;
import aegis.adapters.CredentialSource;
import aegis.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** A database of its own on the shared test server, seeded with the AegisShield-shaped schema. */
final class PgTestDb {
  /** The variable the test endpoints name for their password (never set in the real environment). */
  static final String PASSWORD_VAR = "AEGIS_TEST_PG_PASSWORD";

  final PostgresServer server;
  final String database;

  private PgTestDb(PostgresServer server, String database) {
    this.server = server;
    this.database = database;
  }

  static PgTestDb create(PostgresServer server, String database, boolean statStatements) {
    server.createDatabase(database, statStatements);
    var db = new PgTestDb(server, database);
    db.run(resource("/pg/aegisshield-schema.sql"));
    return db;
  }

  /** The endpoint a runbook's environment would give for this database. */
  PgEndpoint endpoint() {
    return new PgEndpoint(server.host(), server.port(), database, PostgresServer.ADMIN,
        new CredentialRef.Env(PASSWORD_VAR), "disable", Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** The {@code core.PostgresEndpoint} value a runbook would pass, its password named by {@link #PASSWORD_VAR}. */
  aegis.eval.Value.Rec endpointValue() {
    return endpointValue(server.host(), server.port(), database);
  }

  static aegis.eval.Value.Rec endpointValue(String host, int port, String database) {
    var credential = new java.util.LinkedHashMap<String, aegis.eval.Value>();
    credential.put("vaultPath", aegis.eval.Value.Null.INSTANCE);
    credential.put("key", new aegis.eval.Value.Str("password"));
    credential.put("envVar", new aegis.eval.Value.Str(PASSWORD_VAR));
    var f = new java.util.LinkedHashMap<String, aegis.eval.Value>();
    f.put("host", new aegis.eval.Value.Str(host));
    f.put("port", new aegis.eval.Value.Int(port));
    f.put("database", new aegis.eval.Value.Str(database));
    f.put("user", new aegis.eval.Value.Str(PostgresServer.ADMIN));
    f.put("password", new aegis.eval.Value.Rec("core.Credential", credential));
    f.put("sslMode", new aegis.eval.Value.Str("disable"));
    return new aegis.eval.Value.Rec("core.PostgresEndpoint", f);
  }

  /** The environment that has the right password in {@link #PASSWORD_VAR}. */
  static CredentialSource credentials() {
    return CredentialSource.environment(Map.of(PASSWORD_VAR, PostgresServer.ADMIN_PASSWORD));
  }

  PgClient client() { return PgClient.open(endpoint(), PostgresServer.ADMIN_PASSWORD, 4); }

  void run(String sql) {
    try (var c = server.adminConnection(database); var st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("seeding " + database + " failed", e);
    }
  }

  static String resource(String path) {
    try (var in = PgTestDb.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException(path + " is not on the test classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
