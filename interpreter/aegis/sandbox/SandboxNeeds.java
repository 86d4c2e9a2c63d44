package aegis.sandbox;

import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Nodes;
import aegis.syntax.ast.Stmt;
import aegis.types.CheckedProgram;
import aegis.types.ModuleInfo;
import aegis.types.Symbol;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which servers a runbook needs, from the built-ins it calls: the runbook itself, the module files
 * it imports and the runbooks it runs. Importing a module is not enough (a module of row records
 * imports {@code k8s} for its types); calling one of its functions is. The cheap servers (Vault,
 * HTTP, monitoring, SMTP, TLS: milliseconds each) are always wanted; PostgreSQL, Neo4j and the
 * Kubernetes API (seconds) only when called, so a runbook that never touches Neo4j does not wait
 * for it.
 */
public final class SandboxNeeds {
  private static final Set<Component> ALWAYS =
      EnumSet.of(Component.VAULT, Component.FIXTURES, Component.PROMETHEUS, Component.ALERTMANAGER, Component.SMTP, Component.TLS);

  private SandboxNeeds() {}

  /** Everything: what {@code aegis sandbox} runs. */
  public static Set<Component> all() { return EnumSet.allOf(Component.class); }

  /** The servers {@code runbook} needs. */
  public static Set<Component> of(CheckedProgram runbook) {
    var needed = EnumSet.copyOf(ALWAYS);
    for (var module : modulesCalled(runbook)) {
      switch (module) {
        case "pg" -> needed.add(Component.POSTGRES);
        case "neo4j" -> needed.add(Component.NEO4J);
        case "k8s" -> needed.add(Component.KUBERNETES);
        default -> { }
      }
    }
    return needed;
  }

  /** The stdlib modules whose built-ins {@code runbook} (or what it imports or runs) calls. */
  public static Set<String> modulesCalled(CheckedProgram runbook) {
    var modules = new TreeSet<String>();
    visit(runbook, modules, Collections.newSetFromMap(new IdentityHashMap<>()));
    return modules;
  }

  private static void visit(CheckedProgram program, Set<String> modules, Set<CheckedProgram> seen) {
    if (program == null || !seen.add(program)) return;
    for (Node node : Nodes.descendants(program.ast())) {
      switch (node) {
        case Expr.Call call -> {
          var resolved = program.callOf(call);
          if (resolved != null && resolved.target() != null && resolved.target().kind() == Symbol.Kind.EXTERN_FUNCTION
              && resolved.target().module() != null) {
            modules.add(resolved.target().module());
          }
        }
        case Stmt.Run run -> {
          var target = program.runTarget(run);
          if (target != null) visit(target.program(), modules, seen);
        }
        default -> { }
      }
    }
    for (var imported : program.imports()) {
      ModuleInfo module = imported.module();
      if (module != null && module.origin() == ModuleInfo.Origin.FILE) visit(module.program(), modules, seen);
    }
  }
}
