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

/** Stdlib modules from {@code stdlib/*.aegis} classpath resources; other files from disk. */
final class ClasspathModuleLoader implements ModuleLoader {
  private static final String DIR = "stdlib/";
  private volatile Set<String> names;

  @Override
  public SourceFile stdlib(String name) {
    if (!ModuleLoader.isModuleName(name)) return null;
    try (InputStream in = ClasspathModuleLoader.class.getClassLoader().getResourceAsStream(DIR + name + ".aegis")) {
      if (in == null) return null;
      return SourceFile.virtual(DIR + name + ".aegis", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Set<String> stdlibNames() {
    var known = names;
    if (known == null) names = known = Collections.unmodifiableSet(scan());
    return known;
  }

  /** Lists the resource folder, which lives in a directory (development) or in the jar. */
  private static Set<String> scan() {
    var out = new TreeSet<String>();
    var url = ClasspathModuleLoader.class.getClassLoader().getResource(DIR + Types.CORE + ".aegis");
    if (url == null) return out;
    try {
      switch (url.getProtocol()) {
        case "file" -> {
          for (var p : DiskFiles.aegisFiles(Path.of(url.toURI()).getParent())) out.add(DiskFiles.stem(p));
        }
        case "jar" -> {
          var jar = ((JarURLConnection) url.openConnection()).getJarFile();
          jar.stream().map(e -> e.getName())
              .filter(n -> n.startsWith(DIR) && n.endsWith(".aegis") && n.indexOf('/', DIR.length()) < 0)
              .forEach(n -> out.add(n.substring(DIR.length(), n.length() - ".aegis".length())));
        }
        default -> { }
      }
    } catch (IOException | URISyntaxException e) {
      return out;
    }
    return out;
  }

  @Override
  public boolean exists(Path path) { return Files.exists(path); }

  @Override
  public LoadResult read(Path path, String name) { return new SourceLoader().load(path, name); }

  @Override
  public List<Path> list(Path dir) { return DiskFiles.aegisFiles(dir); }
}
