package aegis.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version Maven built into {@link BuildInfo}, and the Java running it. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
        "aegis " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
    };
  }

  /** The version of this build, e.g. {@code 0.1.0}. */
  public static String version() { return BuildInfo.VERSION; }
}
