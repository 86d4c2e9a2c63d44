package aegis.source.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a small operations repository for tests: an environment (the project's own
 * sandbox definition), a module, four runbooks (one runs another, one touches nothing, one takes
 * a secret) and a template, laid out as in this project.
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
      hello from {{ env.name }} ({{ env.namespace }})
      """;

  public static final String HELLO = """
      runbook hello "Greets the platform"

      import http
      import notify
      import template
      import "lib/names.aegis" as names

      param env: Environment

      step "probe" {
        let r = http.get("${env.prometheusUrl}/-/healthy", timeout: 5s)
        notify.slack(env.slack, "#ops", "prometheus answered ${r.status}")
      }

      step "announce" {
        notify.slack(env.slack, "#ops", "deploying ${names.partOf()} to ${env.name}")
      }

      step "message" {
        notify.slack(env.slack, "#ops", template.render("templates/motd.txt.j2", template.Context(env: env)))
      }
      """;

  public static final String OUTER = """
      runbook outer "Runs hello"

      param env: Environment

      run hello(env: env)
      """;

  /** Reads nothing and changes nothing: it runs without a cluster. */
  /** Stores a secret it is given: its value must never show. */
  public static final String ROTATE = """
      runbook rotate "Stores the API token"

      import vault

      param env: Environment
      param token: Secret

      step "store" {
        vault.write(env.vault, "secret/aegis/api-token", {"token": token})
      }
      """;

  public static final String NOOP = """
      runbook noop "Looks at the environment"

      param env: Environment

      step "look" {
        check env.name == "sandbox" else fail "this is not the sandbox"
      }
      """;

  private OpsRepo() {}

  /** Writes every file into {@code repo} (not committed). */
  public static GitWorld.Repo fill(GitWorld.Repo repo) throws IOException {
    return repo.write("environments/sandbox.aegis", SANDBOX)
        .write("runbooks/lib/names.aegis", NAMES)
        .write("runbooks/templates/motd.txt.j2", TEMPLATE)
        .write("runbooks/hello.aegis", HELLO)
        .write("runbooks/outer.aegis", OUTER)
        .write("runbooks/noop.aegis", NOOP)
        .write("runbooks/rotate.aegis", ROTATE);
  }
}
