package aegis.adapters.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinRegistry;
import aegis.eval.Value;
import aegis.testing.PostgresServer;
import aegis.testing.RealServers;
import aegis.testing.TestCallContext;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An endpoint without a password (core's {@code password: Credential? = null}) connects without
 * one, as to the sandbox's PostgreSQL with trust authentication; a server that wants a password
 * then says that the environment gives none.
 */
@ExtendWith(RealServers.class)
class PgWithoutPasswordTest {
  private static final BuiltinRegistry REGISTRY = new BuiltinRegistry(List.of(new PgModule(PgTestDb.credentials())));

  private static Value.Rec endpoint(PostgresServer server, String user) {
    var f = new LinkedHashMap<String, Value>();
    f.put("host", new Value.Str(server.host()));
    f.put("port", new Value.Int(server.port()));
    f.put("database", new Value.Str("postgres"));
    f.put("user", new Value.Str(user));
    f.put("password", Value.Null.INSTANCE);
    f.put("sslMode", new Value.Str("disable"));
    return new Value.Rec("core.PostgresEndpoint", f);
  }

  private static Value ready(Value.Rec endpoint) {
    try (var ctx = TestCallContext.plan()) {
      return REGISTRY.find("pg", "ready").orElseThrow().invoke()
          .call(ctx, new Args("ready", List.of(endpoint, new Value.Dur(java.time.Duration.ofSeconds(5)))));
    }
  }

  @Test
  void aTrustedRoleConnectsWithoutAPassword(PostgresServer server) {
    assertEquals(Value.Bool.TRUE, ready(endpoint(server, "postgres")));
  }

  @Test
  void aRoleThatNeedsAPasswordSaysTheEnvironmentGivesNone(PostgresServer server) {
    try (var ctx = TestCallContext.plan()) {
      var e = assertThrows(AdapterException.class, () -> REGISTRY.find("pg", "databaseSize").orElseThrow().invoke()
          .call(ctx, new Args("databaseSize", List.of(endpoint(server, PostgresServer.ADMIN), Value.Null.INSTANCE))));
      assertTrue(e.getMessage().contains("the environment gives no password"), e.getMessage());
    }
  }
}
