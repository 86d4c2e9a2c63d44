package aegis.adapters;

import aegis.adapters.core.CoreModule;
import aegis.adapters.crypto.CryptoModule;
import aegis.adapters.template.TemplateModule;
import aegis.adapters.time.TimeModule;
import java.util.List;

/** The list of every built-in module implementation: adding a stdlib module means adding it here. */
public final class Builtins {
  private Builtins() {}

  public static List<BuiltinModule> modules() {
    return List.of(new CoreModule(), new TimeModule(), new CryptoModule(), new TemplateModule());
  }

  public static BuiltinRegistry registry() {
    return new BuiltinRegistry(modules());
  }
}
