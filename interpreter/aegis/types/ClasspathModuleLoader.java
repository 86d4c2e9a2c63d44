package aegis.types;

import aegis.source.LoadResult;
import aegis.source.SourceLoader;
import aegis.syntax.SourceFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Stdlib modules from {@code stdlib/*.aegis} classpath resources; other files from disk.
 *
 * <p>The stdlib's folder is found once, where this class comes from, and read directly afterwards:
 * never by a search of the whole class path, where a name that is not a stdlib module (every
 * runbook's own imports are asked for first) opened every jar on it, about 200 on the sandbox's.
 */
final class ClasspathModuleLoader implements ModuleLoader {
  private static final String DIR = "stdlib/";
  private volatile Home home;

  @Override
  public SourceFile stdlib(String name) {
    if (!ModuleLoader.isModuleName(name)) return null;
    String file = DIR + name + ".aegis";
    String text = home().texts().get(name);
    return text == null ? null : SourceFile.virtual(file, text);
  }

  @Override
  public Set<String> stdlibNames() { return home().texts().keySet(); }

  private Home home() {
    var found = home;
    if (found == null) home = found = Home.find();
    return found;
  }

  /** The stdlib's modules, by name, with their text: read all at once (about 60 kB), or none when there is no stdlib. */
  private record Home(Map<String, String> texts) {
    static Home find() {
      try {
        return new Home(Collections.unmodifiableMap(read()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the stdlib: " + e.getMessage(), e);
      }
    }

    private static Map<String, String> read() throws IOException {
      Path from = codeSource();
      if (from != null && Files.isDirectory(from.resolve(DIR))) return readDirectory(from.resolve(DIR));
      if (from != null && Files.isRegularFile(from)) {
        try {
          var head = readJarHead(from);
          if (head != null) return head;
        } catch (IOException unreadableHead) {
          // read it through the class loader below, which says what is wrong if it cannot either
        }
      }
      var url = ClasspathModuleLoader.class.getClassLoader().getResource(DIR + Types.CORE + ".aegis");
      if (url == null) return Map.of();   // no stdlib: every module is absent
      if (url.getProtocol().equals("file")) return readDirectory(Path.of(URI.create(url.toString())).getParent());
      var out = new TreeMap<String, String>();
      var jar = ((JarURLConnection) url.openConnection()).getJarFile();
      for (var e : Collections.list(jar.entries())) {
        String n = e.getName();
        if (!isModule(n)) continue;
        try (var in = jar.getInputStream(e)) {
          out.put(stem(n), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
      return out;
    }

    /** The directory or jar this class was loaded from, or null when that is not a file. */
    private static Path codeSource() {
      try {
        var source = ClasspathModuleLoader.class.getProtectionDomain().getCodeSource();
        // A class from an AOT cache can have a code source without a location (seen with a
        // classpath of two jars): then the stdlib is found as a resource instead.
        return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
      } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        return null;
      }
    }

    private static boolean isModule(String entry) {
      return entry.startsWith(DIR) && entry.endsWith(".aegis") && entry.indexOf('/', DIR.length()) < 0;
    }

    private static String stem(String entry) { return entry.substring(DIR.length(), entry.length() - ".aegis".length()); }

    private static Map<String, String> readDirectory(Path dir) throws IOException {
      var out = new TreeMap<String, String>();
      for (var p : DiskFiles.aegisFiles(dir)) out.put(DiskFiles.stem(p), Files.readString(p, StandardCharsets.UTF_8));
      return out;
    }

    /**
     * The stdlib of the jar aegis runs from, streamed from the jar's start, where the build puts
     * the project's resources; null when they are not among its first entries. Not through
     * {@link java.util.jar.JarFile}: opening one reads the whole central directory first, and the
     * shaded jar's has ~37 000 entries that nothing else of a check needs (classes come from the
     * AOT cache): about 30 ms of every cold check.
     */
    private static Map<String, String> readJarHead(Path jar) throws IOException {
      var out = readEntries(new ZipInputStream(new BufferedInputStream(Files.newInputStream(jar))), 64);
      return out.containsKey(Types.CORE) ? out : null;
    }

    /** The stdlib entries of a zip stream; stops after them, or after {@code limit} entries without any. */
    private static Map<String, String> readEntries(ZipInputStream zip, int limit) throws IOException {
      var out = new TreeMap<String, String>();
      try (zip) {
        int seen = 0;
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          String n = e.getName();
          if (isModule(n)) {
            out.put(stem(n), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
          } else if (!out.isEmpty() && !n.startsWith(DIR)) {
            break;   // past the stdlib: the jar keeps a folder's entries together
          } else if (++seen > limit) {
            break;
          }
        }
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
