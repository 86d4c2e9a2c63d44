package aegis.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import aegis.eval.Value;
import aegis.testing.TestCallContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialSourceTest {

  private static Value.Rec credential(Value vaultPath, Value key, Value envVar) {
    var f = new LinkedHashMap<String, Value>();
    f.put("vaultPath", vaultPath);
    f.put("key", key);
    f.put("envVar", envVar);
    return new Value.Rec("core.Credential", f);
  }

  private static final Value NULL = Value.Null.INSTANCE;

  @Test
  void readsTheReferenceACredentialNames() {
    assertEquals(new CredentialRef.Env("PGPASSWORD"), CredentialRef.of(credential(NULL, new Value.Str("password"), new Value.Str("PGPASSWORD"))));
    assertEquals(new CredentialRef.Vault("secret/aegis/postgresql", "pw"),
        CredentialRef.of(credential(new Value.Str("secret/aegis/postgresql"), new Value.Str("pw"), NULL)));
    var neither = assertThrows(AdapterException.class, () -> CredentialRef.of(credential(NULL, new Value.Str("password"), NULL)));
    assertEquals("a Credential names neither a Vault path nor an environment variable: use envCredential(name) or vaultCredential(path, key)",
        neither.getMessage());
    assertThrows(AdapterException.class, () -> CredentialRef.of(credential(new Value.Str("a"), new Value.Str("k"), new Value.Str("B"))));
  }

  @Test
  void theEnvironmentSourceRegistersWhatItReadsAndNamesWhatIsMissing() {
    var env = CredentialSource.environment(Map.of("PGPASSWORD", "s3cret"));
    try (var run = TestCallContext.apply()) {
      assertEquals("s3cret", env.resolve(new CredentialRef.Env("PGPASSWORD"), run));
      assertEquals(List.of("s3cret"), run.secrets());
      var e = assertThrows(AdapterException.class, () -> env.resolve(new CredentialRef.Env("NEO4J_PASSWORD"), run));
      assertEquals("the environment variable NEO4J_PASSWORD is not set: export it before running aegis", e.getMessage());
    }
  }

  @Test
  void aChainAsksTheSourceThatHandlesTheReference() {
    var vault = new CredentialSource() {
      public boolean handles(CredentialRef ref) { return ref instanceof CredentialRef.Vault; }

      public String resolve(CredentialRef ref, CallContext ctx) { return "from-vault:" + ((CredentialRef.Vault) ref).key(); }
    };
    var chain = CredentialSource.chain(CredentialSource.environment(Map.of("X", "from-env")), vault);
    try (var run = TestCallContext.apply()) {
      assertEquals("from-env", chain.resolve(new CredentialRef.Env("X"), run));
      assertEquals("from-vault:pw", chain.resolve(new CredentialRef.Vault("secret/x", "pw"), run));
      var envOnly = CredentialSource.chain(CredentialSource.environment(Map.of()));
      var e = assertThrows(AdapterException.class, () -> envOnly.resolve(new CredentialRef.Vault("secret/x", "pw"), run));
      assertEquals("cannot read the Vault secret secret/x (key pw): no credential source for it is configured", e.getMessage());

      var fallback = CredentialSource.environment(Map.of());
      assertSame(fallback, CredentialSource.forRun(run, fallback), "without a run source, the adapter's own");
      assertEquals(0, run.resourceCount(), "asking creates nothing");
      run.resource(CredentialSource.RUN_RESOURCE, () -> chain);
      assertSame(chain, CredentialSource.forRun(run, fallback));
    }
  }
}
