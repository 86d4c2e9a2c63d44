package aegis.adapters;

import aegis.adapters.core.CoreModule;
import aegis.adapters.crypto.CryptoModule;
import aegis.adapters.http.HttpModule;
import aegis.adapters.k8s.K8sModule;
import aegis.adapters.neo4j.Neo4jModule;
import aegis.adapters.pg.PgModule;
import aegis.adapters.notify.NotifyModule;
import aegis.adapters.prom.PromModule;
import aegis.adapters.vault.VaultModule;
import aegis.adapters.template.TemplateModule;
import aegis.adapters.time.TimeModule;
import java.time.Duration;
import java.util.List;

/** The list of every built-in module implementation: adding a stdlib module means adding it here. */
public final class Builtins {
  private Builtins() {}

  public static List<BuiltinModule> modules() {
    var credentials = Credentials.standard(System::getenv);
    return List.of(new CoreModule(), new TimeModule(), new CryptoModule(), new TemplateModule(), new HttpModule(),
        new PgModule(credentials), new Neo4jModule(credentials), new VaultModule(), new PromModule(),
        new NotifyModule((credential, ctx) -> credentials.resolve(CredentialRef.of(credential), ctx)),
        new K8sModule((credential, ctx) -> credentials.resolve(CredentialRef.of(credential), ctx), Duration.ofSeconds(2)));
  }

  public static BuiltinRegistry registry() {
    return new BuiltinRegistry(modules());
  }
}
