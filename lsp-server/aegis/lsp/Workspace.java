package aegis.lsp;

import aegis.types.ModuleLoader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/** The workspace folders the editor opened: where environments and other runbooks are found. */
public final class Workspace {
  private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", ".idea", ".vscode");
  private static final int MAX_FILES = 2_000;
  private final List<Path> roots = new CopyOnWriteArrayList<>();

  public void setRoots(List<Path> folders) {
    roots.clear();
    for (var f : folders) roots.add(f.toAbsolutePath().normalize());
  }

  public List<Path> roots() { return List.copyOf(roots); }

  /**
   * The environment names a runbook can be run with: the files of {@code environments/} in the
   * workspace folder holding {@code file}, or in the nearest folder above it that has one.
   */
  public Set<String> environmentNames(Path file) {
    var out = new TreeSet<String>();
    var dirs = new ArrayList<Path>();
    for (var d = file == null ? null : file.getParent(); d != null; d = d.getParent()) {
      dirs.add(d.resolve("environments"));
      if (roots.contains(d)) break;
    }
    for (var r : roots) dirs.add(r.resolve("environments"));
    for (var d : dirs) {
      if (!Files.isDirectory(d)) continue;
      for (var p : ModuleLoader.classpath().list(d)) {
        var name = p.getFileName().toString();
        out.add(name.substring(0, name.length() - ".aegis".length()));
      }
      if (!out.isEmpty()) break;
    }
    return out;
  }

  /** Every {@code .aegis} file under the workspace folders (build and VCS folders skipped, at most 2 000). */
  public List<Path> aegisFiles() {
    var out = new ArrayList<Path>();
    for (var root : roots) {
      try {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return SKIPPED.contains(dir.getFileName() == null ? "" : dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (file.getFileName().toString().endsWith(".aegis")) out.add(file.toAbsolutePath().normalize());
            return out.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        // An unreadable folder contributes nothing; the others still count.
      }
    }
    return out;
  }
}
