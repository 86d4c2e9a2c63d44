package aegis.types;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Small helpers for the loaders that read from disk. */
final class DiskFiles {
  private DiskFiles() {}

  /** The {@code .aegis} files directly in {@code dir}, sorted; empty when it cannot be listed. */
  static List<Path> aegisFiles(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".aegis") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** {@code deploy} for {@code runbooks/deploy.aegis}. */
  static String stem(Path file) {
    var n = file.getFileName().toString();
    return n.endsWith(".aegis") ? n.substring(0, n.length() - ".aegis".length()) : n;
  }
}
