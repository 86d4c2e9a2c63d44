package aegis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version that Maven filtered into {@code aegis-version.properties}. */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/aegis-version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
        "aegis " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
    };
  }

  /** The version of this build, e.g. {@code 0.1.0}; "unknown" when run from unfiltered classes. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
