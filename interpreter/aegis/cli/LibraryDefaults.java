package aegis.cli;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;

/**
 * How the libraries aegis carries log and pick transports, set once before any of them starts, so
 * that a run behaves the same whatever else is on the class path (a sandbox run also has the
 * Neo4j harness's Log4j 2 and Netty's native transports on it).
 *
 * <p>aegis has no logging back-end of its own: what it has to say is its output. Without these
 * settings SLF4J printed three "No SLF4J providers were found" lines into every run's error
 * output, and on the sandbox's class path Netty and Vert.x found Log4j 2 and started it (about 650
 * classes and an XML configuration: ~150 ms of a daily-check). Now SLF4J (fabric8's and JGit's
 * facade) drops its messages quietly, and Netty and Vert.x log through {@code java.util.logging}
 * (warnings to the error output), as they did on the jar's own class path; Vert.x resolves names
 * with the JDK's resolver. Netty's native
 * transports (which copy a shared library out of their jar at each start) are left for the Java
 * NIO ones, and its JFR events are off; picocli does not look for Groovy. A system property given on the command line wins
 * over the one set here.
 */
final class LibraryDefaults {
  private LibraryDefaults() {}

  static void apply() {
    setIfAbsent("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "WARN");
    setIfAbsent("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
    // Vert.x (fabric8's HTTP client) resolves host names with the JDK's resolver, as kubectl and the
    // other adapters do (the system's, /etc/hosts and NSS included), not with Netty's DNS client
    // of its own: ~50 classes not in the AOT cache and 51 ms of a daily-check (1076 -> 1025 ms).
    setIfAbsent("vertx.disableDnsResolver", "true");
    setIfAbsent("io.netty.transport.noNative", "true");
    // Netty 4.2's buffer allocators emit JFR events: the first chunk they allocated initialized the
    // JDK's event machinery, reading the events' annotations (~400 of a daily-check's 1 500
    // annotation instances, 13 of its 34 proxy classes generated on the spot; 44 ms of its 1.07 s).
    // Nobody records a flight of an aegis run.
    setIfAbsent("io.netty.jfr.enabled", "false");
    // picocli's first command would look Groovy's Closure class up by name: not found, after a
    // search of every jar on the class path (on the sandbox's, about 200: ~120 ms).
    setIfAbsent("picocli.disable.closures", "true");
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) System.setProperty(property, value);
  }
}
