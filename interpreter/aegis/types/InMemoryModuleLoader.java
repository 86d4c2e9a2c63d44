package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.source.LoadResult;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Stdlib modules and files given as strings, for tests and tools that check text that is not on disk. */
final class InMemoryModuleLoader implements ModuleLoader {
  private final Map<String, String> stdlib;
  private final Map<Path, String> files = new LinkedHashMap<>();

  InMemoryModuleLoader(Map<String, String> stdlib, Map<String, String> files) {
    this.stdlib = Map.copyOf(stdlib);
    files.forEach((k, v) -> this.files.put(Path.of(k).normalize(), v));
  }

  @Override
  public SourceFile stdlib(String name) {
    var text = stdlib.get(name);
    return text == null ? null : SourceFile.virtual("stdlib/" + name + ".aegis", text);
  }

  @Override
  public Set<String> stdlibNames() { return new TreeSet<>(stdlib.keySet()); }

  @Override
  public boolean exists(Path path) { return files.containsKey(path.normalize()); }

  @Override
  public LoadResult read(Path path, String name) {
    var text = files.get(path.normalize());
    if (text == null) {
      return new LoadResult.Rejected(Diagnostic.of(Code.AEG100, Span.fileStart(new SourceFile(name, path, "")),
          "cannot read `" + name + "`: no such file"));
    }
    return new LoadResult.Loaded(new SourceFile(name, path, text));
  }

  @Override
  public List<Path> list(Path dir) {
    var d = dir.normalize();
    return files.keySet().stream()
        .filter(p -> d.equals(p.getParent() == null ? Path.of("") : p.getParent()))
        .filter(p -> p.getFileName().toString().endsWith(".aegis")).sorted().toList();
  }
}
