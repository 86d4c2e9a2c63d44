package aegis.e2e;

import aegis.adapters.BuiltinModule;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.Builtins;
import aegis.adapters.Credentials;
import aegis.adapters.neo4j.Neo4jModule;
import aegis.adapters.pg.PgModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The production built-ins for an in-process run, except that the database adapters read
 * credentials from {@code env} (the test's, not the JVM's environment variables) and that
 * {@code extra} modules (a fake of an adapter not built yet) replace any module of the same name.
 */
public final class TestBuiltins {
  private TestBuiltins() {}

  public static BuiltinRegistry registry(Map<String, String> env, BuiltinModule... extra) {
    var credentials = Credentials.standard(env::get);
    var modules = new ArrayList<BuiltinModule>(Arrays.asList(extra));
    modules.add(new PgModule(credentials));
    modules.add(new Neo4jModule(credentials));
    modules.addAll(Builtins.modules());
    // The first module of each name wins: the extras, then the database adapters made here.
    Set<String> seen = new java.util.HashSet<>();
    modules.removeIf(m -> !seen.add(m.name()));
    return new BuiltinRegistry(modules);
  }
}
