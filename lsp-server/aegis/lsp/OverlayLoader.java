package aegis.lsp;

import aegis.source.LoadResult;
import aegis.syntax.SourceFile;
import aegis.types.ModuleLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The checker's view of files while the editor is open: a file the editor has open is read from
 * its buffer (unsaved edits included), everything else from the loader underneath.
 */
final class OverlayLoader implements ModuleLoader {
  private final ModuleLoader disk;
  private final DocumentStore documents;

  OverlayLoader(ModuleLoader disk, DocumentStore documents) {
    this.disk = disk;
    this.documents = documents;
  }

  @Override
  public SourceFile stdlib(String name) { return disk.stdlib(name); }

  @Override
  public Set<String> stdlibNames() { return disk.stdlibNames(); }

  @Override
  public boolean exists(Path path) { return documents.at(path.toAbsolutePath().normalize()) != null || disk.exists(path); }

  @Override
  public LoadResult read(Path path, String name) {
    var open = documents.at(path.toAbsolutePath().normalize());
    return open != null ? new LoadResult.Loaded(new SourceFile(name, path, open.text())) : disk.read(path, name);
  }

  @Override
  public List<Path> list(Path dir) { return disk.list(dir); }
}
