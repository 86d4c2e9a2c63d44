package aegis.types;

import aegis.source.LoadResult;
import aegis.source.SourceLoader;
import aegis.syntax.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Stdlib modules from a directory on disk (a checkout's {@code stdlib/}, a test's own stdlib); files from disk. */
final class DirectoryModuleLoader implements ModuleLoader {
  private final Path dir;

  DirectoryModuleLoader(Path dir) { this.dir = dir; }

  @Override
  public SourceFile stdlib(String name) {
    if (!ModuleLoader.isModuleName(name)) return null;
    var file = dir.resolve(name + ".aegis");
    try {
      return SourceFile.of(file, Files.readString(file));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Set<String> stdlibNames() {
    var out = new TreeSet<String>();
    for (var p : DiskFiles.aegisFiles(dir)) out.add(DiskFiles.stem(p));
    return out;
  }

  @Override
  public boolean exists(Path path) { return Files.exists(path); }

  @Override
  public LoadResult read(Path path, String name) { return new SourceLoader().load(path, name); }

  @Override
  public List<Path> list(Path d) { return DiskFiles.aegisFiles(d); }
}
