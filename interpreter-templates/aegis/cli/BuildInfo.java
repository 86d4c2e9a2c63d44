package aegis.cli;

/** What Maven knew when it built aegis: filled in from pom.xml by the templating plugin. */
final class BuildInfo {
  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  static final String VERSION = "${project.version}";

  private BuildInfo() {}
}
