package aegis.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's servers are libraries the aegis jar does not carry (embedded PostgreSQL, the
 * Neo4j harness, GreenMail, the Kubernetes mock server): the build lists them in
 * {@code target/sandbox.classpath} and {@code ./aegis} adds that classpath to sandbox runs only.
 * This class tells, before any class that needs them is loaded, whether they are there.
 */
public final class SandboxClasspath {
  /** The file the build writes and the launcher reads. */
  public static final String FILE = "target/sandbox.classpath";

  private SandboxClasspath() {}

  /** A class each server cannot start without; null for servers made of JDK classes alone. */
  static String requiredClass(Component component) {
    return switch (component) {
      case POSTGRES -> "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
      case NEO4J -> "org.neo4j.harness.Neo4jBuilders";
      case SMTP -> "com.icegreen.greenmail.util.GreenMail";
      case KUBERNETES -> SandboxCluster.REQUIRED_CLASS;
      case VAULT, PROMETHEUS, ALERTMANAGER, FIXTURES, TLS -> null;
    };
  }

  /** The servers of {@code wanted} whose libraries {@code loader} cannot find. */
  public static List<Component> missing(Set<Component> wanted, ClassLoader loader) {
    var missing = new ArrayList<Component>();
    for (var c : wanted) {
      var name = requiredClass(c);
      if (name == null) continue;
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(c);
      }
    }
    return missing;
  }

  /** What to tell the user when {@code missing} is not empty. */
  public static String message(List<Component> missing) {
    var names = missing.stream().map(Component::title).toList();
    return "the sandbox needs its classpath: the libraries of " + String.join(", ", names)
        + " are not in the aegis jar. Run it through ./aegis (which adds " + FILE + " for sandbox runs), "
        + "or build with ./mvnw package and add the classpath yourself: "
        + "java -cp \"target/aegis-VERSION-all.jar:$(cat " + FILE + ")\" aegis.cli.Main ...";
  }
}
