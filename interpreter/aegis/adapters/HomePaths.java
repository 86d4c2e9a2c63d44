package aegis.adapters;

import java.nio.file.Path;

/** Paths as environments write them: {@code ~/x} is under {@code user.home}, anything else as given. */
public final class HomePaths {
  private HomePaths() {}

  public static Path expand(String path) {
    if (path.equals("~") || path.startsWith("~/")) return Path.of(System.getProperty("user.home") + path.substring(1));
    return Path.of(path);
  }
}
