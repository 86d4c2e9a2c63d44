package aegis.adapters;

import java.util.List;

/** The list of every built-in module implementation: adding a stdlib module means adding it here. */
public final class Builtins {
  private Builtins() {}

  public static List<BuiltinModule> modules() {
    return List.of(new aegis.adapters.k8s.K8sModule());
  }

  public static BuiltinRegistry registry() {
    return new BuiltinRegistry(modules());
  }
}
