package aegis.adapters.k8s;

import aegis.adapters.AdapterException;
import aegis.adapters.CallContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifests from one YAML file, or from every {@code .yaml}/{@code .yml} file of a directory
 * (sorted by name, not recursive), relative to the runbook and read from where it came from.
 */
final class ManifestFiles {
  private ManifestFiles() {}

  static List<ObjectNode> read(CallContext ctx, String path) {
    try {
      List<String> files;
      if (isYaml(path)) {
        files = List.of(path);
      } else {
        String dir = path.endsWith("/") ? path : path + "/";
        files = ctx.listSource(path).stream().filter(ManifestFiles::isYaml).sorted().map(name -> dir + name).toList();
        if (files.isEmpty()) throw new AdapterException("kubernetes", path + " holds no .yaml or .yml file");
      }
      var out = new ArrayList<ObjectNode>();
      for (String f : files) out.addAll(Manifests.parse(ctx.readSource(f), f));
      return out;
    } catch (IOException e) {
      throw new AdapterException("kubernetes", "cannot read manifests at " + path + " (relative to the runbook): " + e.getMessage());
    }
  }

  private static boolean isYaml(String name) { return name.endsWith(".yaml") || name.endsWith(".yml"); }
}
