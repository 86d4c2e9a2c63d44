package aegis.types;

import aegis.source.LoadResult;
import aegis.source.SourceLoader;
import aegis.syntax.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Stdlib modules from {@code stdlib/*.aegis} classpath resources; other files from disk.
 *
 * <p>The stdlib's folder is found once, through {@code core.aegis}, and read directly afterwards:
 * never by a search of the whole class path, where a name that is not a stdlib module (every
 * runbook's own imports are asked for first) opened every jar on it, about 200 on the sandbox's.
 */
final class ClasspathModuleLoader implements ModuleLoader {
  private static final String DIR = "stdlib/";
  private volatile Home home;
  private volatile Set<String> names;

  @Override
  public SourceFile stdlib(String name) {
    if (!ModuleLoader.isModuleName(name)) return null;
    String file = DIR + name + ".aegis";
    try {
      String text = home().read(file);
      return text == null ? null : SourceFile.virtual(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Set<String> stdlibNames() {
    var known = names;
    if (known == null) names = known = Collections.unmodifiableSet(home().names());
    return known;
  }

  private Home home() {
    var found = home;
    if (found == null) home = found = Home.find();
    return found;
  }

  /** The stdlib's folder: a directory (development and tests), or in the jar aegis runs from; neither when absent. */
  private record Home(Path dir, JarFile jar) {
    static Home find() {
      var url = ClasspathModuleLoader.class.getClassLoader().getResource(DIR + Types.CORE + ".aegis");
      try {
        if (url != null && url.getProtocol().equals("file")) return new Home(Path.of(url.toURI()).getParent(), null);
        if (url != null && url.getProtocol().equals("jar")) return new Home(null, ((JarURLConnection) url.openConnection()).getJarFile());
      } catch (IOException | URISyntaxException e) {
        // no stdlib to read: every module is absent
      }
      return new Home(null, null);
    }

    /** The text of {@code file} (a path under {@code stdlib/}), or null when there is no such file. */
    String read(String file) throws IOException {
      if (dir != null) {
        Path path = dir.resolve(file.substring(DIR.length()));
        return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
      }
      var entry = jar == null ? null : jar.getEntry(file);
      if (entry == null) return null;
      try (InputStream in = jar.getInputStream(entry)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    Set<String> names() {
      var out = new TreeSet<String>();
      if (dir != null) {
        for (var p : DiskFiles.aegisFiles(dir)) out.add(DiskFiles.stem(p));
      } else if (jar != null) {
        jar.stream().map(e -> e.getName())
            .filter(n -> n.startsWith(DIR) && n.endsWith(".aegis") && n.indexOf('/', DIR.length()) < 0)
            .forEach(n -> out.add(n.substring(DIR.length(), n.length() - ".aegis".length())));
      }
      return out;
    }
  }

  @Override
  public boolean exists(Path path) { return Files.exists(path); }

  @Override
  public LoadResult read(Path path, String name) { return new SourceLoader().load(path, name); }

  @Override
  public List<Path> list(Path dir) { return DiskFiles.aegisFiles(dir); }
}
