package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Manifests from one YAML file, or every {@code .yaml}/{@code .yml} file of a directory (sorted, not recursive). */
final class ManifestFiles {
  private ManifestFiles() {}

  static List<ObjectNode> read(Path base, String path) {
    Path target = (base == null ? Path.of("") : base).resolve(path).normalize();
    if (!Files.exists(target)) throw new AdapterException("kubernetes", "no manifest file or directory at " + target);
    try {
      List<Path> files;
      if (Files.isDirectory(target)) {
        try (Stream<Path> s = Files.list(target)) {
          files = s.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))).sorted().toList();
        }
        if (files.isEmpty()) throw new AdapterException("kubernetes", target + " holds no .yaml or .yml file");
      } else {
        files = List.of(target);
      }
      var out = new ArrayList<ObjectNode>();
      for (Path f : files) out.addAll(Manifests.parse(Files.readString(f), f.toString()));
      return out;
    } catch (IOException e) {
      throw new AdapterException("kubernetes", "cannot read manifests at " + target + ": " + e.getMessage());
    }
  }
}
