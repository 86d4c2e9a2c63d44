package aegis.lsp;

import aegis.syntax.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Position;

/** A small workspace on disk: runbooks, a module file, environments. */
final class Fixture {
  static final String DEPLOY = """
      runbook deploy "Deploy the platform"

      import k8s
      import "lib/common.aegis" as common

      /// Target environment.
      param env: Environment
      param version: String = "1.0.0"

      let services = ["api", "web"]

      step "namespace" timeout 10m {
        k8s.ensureNamespace(env.namespace, labels: {"environment": env.name, "version": version})
      }

      for svc in services {
        step "deploy ${svc}" {
          let name = common.prefixed(svc)
          let status = k8s.rolloutStatus(env.namespace, name)
          check status.complete else fail "${name} is not ready"
        }
      }
      """;

  static final String COMMON = """
      /// Helpers shared by the runbooks.
      module common

      /// The service name with the platform prefix.
      fn prefixed(name: String) -> String = "aegis-${name}"

      /// How long a rollout may take.
      let rolloutLimit = 90m
      """;

  static final String ROLLBACK = """
      runbook rollback "Roll back"

      param env: Environment
      param revision: Int? = null

      step "undo" {
        check revision != null else warn "no revision given"
      }
      """;

  final Path root;

  Fixture(Path root) {
    this.root = root;
    write("runbooks/deploy.aegis", DEPLOY);
    write("runbooks/rollback.aegis", ROLLBACK);
    write("runbooks/lib/common.aegis", COMMON);
    write("environments/staging.aegis", "environment staging\n");
    write("environments/production.aegis", "environment production\n");
  }

  Path path(String relative) { return root.resolve(relative); }

  Path write(String relative, String text) {
    try {
      var p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The position of the {@code nth} occurrence (0-based) of {@code needle} in {@code text}, plus {@code delta} characters. */
  static Position at(String text, String needle, int nth, int delta) {
    int i = -1;
    for (int k = 0; k <= nth; k++) {
      i = text.indexOf(needle, i + 1);
      if (i < 0) throw new AssertionError("no " + (nth + 1) + " occurrence of " + needle);
    }
    var f = SourceFile.virtual("t", text);
    return Positions.position(f, i + delta);
  }

  static Position at(String text, String needle) { return at(text, needle, 0, 0); }

  /**
   * The LSP position (line, UTF-16 column) of {@code offset} in {@code text}, counted here
   * rather than by the server's own conversion, so that tests check that conversion.
   */
  static Position position(String text, int offset) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart);
  }
}
