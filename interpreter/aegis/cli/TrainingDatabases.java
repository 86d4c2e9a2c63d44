package aegis.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.jgit.util.FileUtils;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A real PostgreSQL and a real Neo4j for the launcher's AOT training ({@link AotTraining}), in a
 * process of their own started with the sandbox's classpath (the servers are not in the aegis jar,
 * and the training's own class path must stay the jar alone for its cache to fit every run).
 * With them, the training's daily-check talks to both databases the way a real run does, so that
 * the drivers' query paths (about 170 lambdas of the Neo4j and JDBC drivers, linked at run time
 * otherwise) are in the run cache. Neo4j without authentication, as in the sandbox; PostgreSQL's
 * role {@link AotTraining#TRAINING_PG_USER} with the password the launcher gives both processes in
 * {@link AotTraining#TRAINING_PG_PASSWORD_VAR} (a throwaway server on the loopback interface), so
 * that the password exchange (SCRAM) is trained too; without it, the role needs no password.
 *
 * <p>Prints {@code READY <postgres port> <bolt port>} and serves until its standard input closes.
 */
public final class TrainingDatabases {
  private TrainingDatabases() {}

  public static void main(String[] args) throws IOException, SQLException {
    var store = Files.createTempDirectory("aegis-training-neo4j");
    String password = System.getenv(AotTraining.TRAINING_PG_PASSWORD_VAR);
    try (var pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
             .setDataDirectoryCustomizer(dir -> {
               if (password != null) requirePassword(dir.toPath());
             })
             .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
             .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start();
         var neo4j = Neo4jBuilders.newInProcessBuilder(store).withDisabledServer()
             .withConfig(GraphDatabaseSettings.auth_enabled, false)
             .withConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
             .withConfig(GraphDatabaseSettings.preallocate_store_files, false)
             .withConfig(BoltConnector.enabled, true)
             .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
             .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
             .build()) {
      // The environment's database, owned by the training's role.
      try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", "");
           var st = c.createStatement()) {
        st.execute("CREATE ROLE " + AotTraining.TRAINING_PG_USER + " LOGIN SUPERUSER" + (password == null ? "" : " PASSWORD '" + password.replace("'", "''") + "'"));
        st.execute("CREATE DATABASE aegisshield OWNER " + AotTraining.TRAINING_PG_USER);
      }
      System.out.println("READY " + pg.getPort() + " " + neo4j.boltURI().getPort());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the training closes our standard input
      }
    } finally {
      FileUtils.delete(store.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.IGNORE_ERRORS);
    }
  }

  /** Passwords (SCRAM) for the training's role over TCP, as production servers have it; the bootstrap user stays trusted. */
  private static void requirePassword(Path dataDir) {
    try {
      Files.writeString(dataDir.resolve("pg_hba.conf"), """
          host all %1$s 127.0.0.1/32 scram-sha-256
          local all all trust
          host all all 127.0.0.1/32 trust
          """.formatted(AotTraining.TRAINING_PG_USER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
