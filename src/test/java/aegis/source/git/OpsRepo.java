package aegis.source.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a small operations repository for tests: an environment (the project's own
 * sandbox definition), a module, two runbooks (one runs the other) and a template, laid out as in
 * this project.
 */
public final class OpsRepo {
  /** The sandbox environment, as this project defines it. */
  public static final String SANDBOX;

  static {
    try {
      SANDBOX = Files.readString(Path.of("environments/sandbox.aegis"));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static final String NAMES = """
      module names

      /// The label every object of the platform carries.
      fn partOf() -> String = "aegisshield"
      """;

  public static final String TEMPLATE = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: motd
        namespace: {{ env.namespace }}
      data:
        message: "hello from {{ env.name }}"
      """;

  public static final String HELLO = """
      runbook hello "Greets the platform"

      import k8s
      import template
      import "lib/names.aegis" as names

      param env: Environment

      step "namespace" {
        k8s.ensureNamespace(env.namespace, labels: {"part-of": names.partOf()})
      }

      step "message" {
        k8s.apply(template.render("templates/motd.yaml.j2", template.Context(env: env)), namespace: env.namespace)
      }
      """;

  public static final String OUTER = """
      runbook outer "Runs hello"

      param env: Environment

      run hello(env: env)
      """;

  private OpsRepo() {}

  /** Writes every file into {@code repo} (not committed). */
  public static GitWorld.Repo fill(GitWorld.Repo repo) throws IOException {
    return repo.write("environments/sandbox.aegis", SANDBOX)
        .write("runbooks/lib/names.aegis", NAMES)
        .write("runbooks/templates/motd.yaml.j2", TEMPLATE)
        .write("runbooks/hello.aegis", HELLO)
        .write("runbooks/outer.aegis", OUTER);
  }
}
