package aegis.adapters;

import aegis.adapters.core.CoreModule;
import aegis.adapters.crypto.CryptoModule;
import aegis.adapters.notify.NotifyModule;
import aegis.adapters.prom.PromModule;
import aegis.adapters.vault.VaultModule;
import aegis.adapters.template.TemplateModule;
import aegis.adapters.time.TimeModule;
import java.util.List;

/** The list of every built-in module implementation: adding a stdlib module means adding it here. */
public final class Builtins {
  private Builtins() {}

  public static List<BuiltinModule> modules() {
    var credentials = new Credentials(System::getenv);
    return List.of(new CoreModule(), new TimeModule(), new CryptoModule(), new TemplateModule(), new VaultModule(),
        new PromModule(), new NotifyModule(credentials::resolve));
  }

  public static BuiltinRegistry registry() {
    return new BuiltinRegistry(modules());
  }
}
