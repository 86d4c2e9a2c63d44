package aegis.e2e;

import aegis.adapters.BuiltinModule;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.Builtins;
import aegis.adapters.Credentials;
import aegis.adapters.neo4j.Neo4jModule;
import aegis.adapters.pg.PgModule;
import java.util.ArrayList;
import java.util.Map;

/**
 * The production built-ins for an in-process run, except that the database adapters read
 * credentials from {@code env} (the test's variables, not the JVM's environment).
 */
public final class TestBuiltins {
  private TestBuiltins() {}

  public static BuiltinRegistry registry(Map<String, String> env) {
    var credentials = Credentials.standard(env::get);
    var modules = new ArrayList<BuiltinModule>();
    for (var m : Builtins.modules()) {
      modules.add(switch (m.name()) {
        case "pg" -> new PgModule(credentials);
        case "neo4j" -> new Neo4jModule(credentials);
        default -> m;
      });
    }
    return new BuiltinRegistry(modules);
  }
}
