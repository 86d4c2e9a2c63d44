package aegis.adapters.vault;

import static aegis.adapters.vault.VaultArgs.args;
import static aegis.adapters.vault.VaultArgs.endpoint;
import static aegis.adapters.vault.VaultArgs.num;
import static aegis.adapters.vault.VaultArgs.secrets;
import static aegis.adapters.vault.VaultArgs.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import aegis.sandbox.vault.FakeVaultServer;
import aegis.testing.TestCallContext;
import aegis.testing.adapters.StdlibExterns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault module as the evaluator calls it: values in, values out, previews for writes. */
class VaultModuleTest {
  private FakeVaultServer server;

  @AfterEach
  void stop() { if (server != null) server.stop(); }

  private static VaultModule module(String token) {
    return new VaultModule(name -> name.equals("VAULT_TOKEN") ? token : null);
  }

  private Value.Rec vault() { return endpoint(server.address(), "VAULT_TOKEN"); }

  @Test
  void implementsExactlyTheStdlibDeclarationsWithAPreviewForEveryWrite() throws Exception {
    StdlibExterns.assertBound(new VaultModule());
  }

  @Test
  void initUnsealThenUseTheRootTokenForSecrets() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var ctx = TestCallContext.apply();
    var health = (Value.Rec) module(null).health(ctx, args("health", vault()));
    assertEquals(new Value.Int(501), health.get("status"));
    assertEquals(Value.Bool.FALSE, health.get("initialized"));

    var init = (Value.Rec) module(null).init(ctx, args("init", vault(), num(3), num(2)));
    var keys = ((Value.ListV) init.get("keys")).items();
    assertEquals(3, keys.size());
    keys.forEach(k -> assertInstanceOf(Value.Secret.class, k));
    var root = assertInstanceOf(Value.Secret.class, init.get("rootToken"));
    assertTrue(ctx.secrets().contains(root.reveal()), "the root token is registered");
    keys.forEach(k -> assertTrue(ctx.secrets().contains(((Value.Secret) k).reveal()), "every key is registered"));

    var first = (Value.Rec) module(null).unseal(ctx, args("unseal", vault(), keys.get(0)));
    assertEquals(Value.Bool.TRUE, first.get("sealed"));
    assertEquals(new Value.Int(1), first.get("progress"));
    var second = (Value.Rec) module(null).unseal(ctx, args("unseal", vault(), keys.get(1)));
    assertEquals(Value.Bool.FALSE, second.get("sealed"));

    var vault = module(root.reveal());
    var version = vault.write(ctx, args("write", vault(), str("secret/aegis/postgresql"), secrets(Map.of("password", "pg-pass-1"))));
    assertEquals(new Value.Int(1), version);
    var read = (Value.Rec) vault.read(ctx, args("read", vault(), str("secret/aegis/postgresql"), Value.Null.INSTANCE));
    assertEquals("vault.KvSecret", read.type());
    assertEquals(new Value.Int(1), read.get("version"));
    var password = assertInstanceOf(Value.Secret.class, vault.secret(ctx, args("secret", read, str("password"))));
    assertEquals("pg-pass-1", password.reveal());
  }

  @Test
  void writeIsSkippedWhenTheValuesAreAlreadyThere() throws Exception {
    server = FakeVaultServer.dev("root").start();
    var ctx = TestCallContext.apply();
    var vault = module("root");
    var data = secrets(Map.of("password", "same-value", "user", "postgres"));
    assertEquals(new Value.Int(1), vault.write(ctx, args("write", vault(), str("secret/app/db"), data)));
    assertEquals(new Value.Int(1), vault.write(ctx, args("write", vault(), str("secret/app/db"), data)));
    assertEquals(1, server.requests().stream().filter(r -> r.startsWith("POST")).count());
    var changed = secrets(Map.of("password", "new-value", "user", "postgres"));
    assertEquals(new Value.Int(2), vault.write(ctx, args("write", vault(), str("secret/app/db"), changed)));
  }

  @Test
  void readOfAMissingSecretFailsAndTryReadGivesNull() throws Exception {
    server = FakeVaultServer.dev("root").start();
    var ctx = TestCallContext.apply();
    var e = assertThrows(AdapterException.class,
        () -> module("root").read(ctx, args("read", vault(), str("secret/aegis/none"), Value.Null.INSTANCE)));
    assertTrue(e.getMessage().contains("there is no secret at secret/aegis/none"), e.getMessage());
    assertSame(Value.Null.INSTANCE, module("root").tryRead(ctx, args("tryRead", vault(), str("secret/aegis/none"), Value.Null.INSTANCE)));
    assertEquals(Value.Bool.FALSE, module("root").exists(ctx, args("exists", vault(), str("secret/aegis/none"))));

    server.putSecret("secret", "aegis/pg", Map.of("password", "v1"));
    server.putSecret("secret", "aegis/pg", Map.of("password", "v2"));
    assertEquals(Value.Bool.TRUE, module("root").exists(ctx, args("exists", vault(), str("secret/aegis/pg"))));
    var old = (Value.Rec) module("root").read(ctx, args("read", vault(), str("secret/aegis/pg"), num(1)));
    assertEquals("v1", ((Value.Secret) module("root").secret(ctx, args("secret", old, str("password")))).reveal());
  }

  @Test
  void readsOfASealedVaultAreUnknownInAPlanAndFailInAnApply() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var plan = TestCallContext.plan();
    var exists = module("root").exists(plan, args("exists", vault(), str("secret/aegis/pg")));
    assertEquals(new Value.Unknown("vault.exists secret/aegis/pg: Vault is sealed while planning"), exists);
    assertInstanceOf(Value.Unknown.class, module("root").read(plan, args("read", vault(), str("secret/aegis/pg"), Value.Null.INSTANCE)));
    assertInstanceOf(Value.Unknown.class, module("root").tryRead(plan, args("tryRead", vault(), str("secret/aegis/pg"), num(2))));
    assertEquals("Vault at " + server.address() + " is sealed: vault.exists secret/aegis/pg is known only after apply",
        plan.progressLines().getFirst());

    var e = assertThrows(VaultSealedException.class,
        () -> module("root").exists(TestCallContext.apply(), args("exists", vault(), str("secret/aegis/pg"))));
    assertTrue(e.getMessage().contains("Vault is sealed (HTTP 503)"), e.getMessage());
  }

  @Test
  void aMissingKeyNamesTheKeysThereAreButNoValue() throws Exception {
    server = FakeVaultServer.dev("root").start();
    server.putSecret("secret", "aegis/pg", Map.of("password", "hunter2-canary", "user", "postgres"));
    var ctx = TestCallContext.apply();
    var read = (Value.Rec) module("root").read(ctx, args("read", vault(), str("secret/aegis/pg"), Value.Null.INSTANCE));
    var e = assertThrows(AdapterException.class, () -> module("root").secret(ctx, args("secret", read, str("pasword"))));
    assertEquals("secret/aegis/pg (version 1) has no key `pasword`; it has password, user", e.getMessage());
  }

  @Test
  void theTokenComesFromTheNamedVariableOrAFile(@TempDir Path dir) throws Exception {
    server = FakeVaultServer.dev("file-token").start();
    server.putSecret("secret", "a/b", Map.of("k", "v"));
    var ctx = TestCallContext.apply();
    var missing = assertThrows(AdapterException.class,
        () -> module(null).read(ctx, args("read", vault(), str("secret/a/b"), Value.Null.INSTANCE)));
    assertTrue(missing.getMessage().contains("the environment variable VAULT_TOKEN is not set"), missing.getMessage());

    var file = dir.resolve("token");
    Files.writeString(file, "file-token\n");
    var fromFile = VaultArgs.endpointWithTokenFile(server.address(), file.toString());
    var read = (Value.Rec) module(null).read(ctx, args("read", fromFile, str("secret/a/b"), Value.Null.INSTANCE));
    assertEquals(new Value.Int(1), read.get("version"));
    assertTrue(ctx.secrets().contains("file-token"), "the token is registered as a secret");

    var absent = VaultArgs.endpointWithTokenFile(server.address(), dir.resolve("nope").toString());
    var e = assertThrows(AdapterException.class, () -> module(null).read(ctx, args("read", absent, str("secret/a/b"), Value.Null.INSTANCE)));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void aStepWithNoTimeLeftDoesNotCallVault() throws Exception {
    server = FakeVaultServer.dev("root").start();
    var ctx = TestCallContext.apply().deadline(Instant.now().minusSeconds(1));
    var e = assertThrows(AdapterException.class, () -> module("root").health(ctx, args("health", vault())));
    assertTrue(e.getMessage().contains("ran out of time"), e.getMessage());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void anAddressThatIsNotAUrlIsNamed() {
    var ctx = TestCallContext.apply();
    var e = assertThrows(AdapterException.class,
        () -> module("t").health(ctx, args("health", endpoint("vault.local:8200", "VAULT_TOKEN"))));
    assertEquals("the Vault address `vault.local:8200` is not an http:// or https:// URL", e.getMessage());
  }

  // ------------------------------------------------------------------ previews

  @Test
  void previewOfAWriteShowsWhichKeysChangeAndWritesNothing() throws Exception {
    server = FakeVaultServer.dev("root").start();
    server.putSecret("secret", "app/db", Map.of("password", "old-pass", "user", "postgres", "legacy", "x-legacy"));
    var ctx = TestCallContext.plan();
    var desired = secrets(Map.of("password", "new-pass", "user", "postgres", "host", "db.local"));
    var preview = module("root").planWrite(ctx, args("write", vault(), str("secret/app/db"), desired));
    assertEquals("update", preview.operation());
    assertEquals("vault " + server.address() + " secret/app/db", preview.target());
    assertEquals("write version 2 of secret/app/db: changes password; adds host; removes legacy", preview.description());
    assertEquals(aegis.plan.PlanValues.SENSITIVE_TEXT, preview.live().get("data").get("password").asText());
    assertEquals(KvDiff.CHANGED, preview.desired().get("data").get("password").asText());
    assertEquals(aegis.plan.PlanValues.SENSITIVE_TEXT, preview.desired().get("data").get("user").asText());
    assertEquals(2, preview.desired().get("version").asInt());
    assertTrue(server.requests().stream().allMatch(r -> r.startsWith("GET")), server.requests().toString());
  }

  @Test
  void previewOfAWriteIsCreateNoopOrUnknown() throws Exception {
    server = FakeVaultServer.dev("root").start();
    var ctx = TestCallContext.plan();
    var data = secrets(Map.of("password", "p-1"));
    var create = module("root").planWrite(ctx, args("write", vault(), str("secret/app/new"), data));
    assertEquals("create", create.operation());
    assertNull(create.live());

    server.putSecret("secret", "app/new", Map.of("password", "p-1"));
    assertEquals("noop", module("root").planWrite(ctx, args("write", vault(), str("secret/app/new"), data)).operation());

    var later = new Value.MapV(Map.of("password", new Value.Unknown("result of crypto.randomPassword")));
    var unknown = module("root").planWrite(ctx, args("write", vault(), str("secret/app/new"), later));
    assertEquals("update", unknown.operation());
    assertEquals(aegis.plan.PlanValues.UNKNOWN_TEXT, unknown.desired().get("data").get("password").asText());
  }

  @Test
  void previewOfAWriteToASealedVaultSaysWhyItHasNoLiveState() throws Exception {
    server = FakeVaultServer.dev("root").start();
    server.seal();
    var preview = module("root").planWrite(TestCallContext.plan(),
        args("write", vault(), str("secret/app/db"), secrets(Map.of("password", "p"))));
    assertNull(preview.live());
    assertTrue(preview.description().contains("Vault is sealed"), preview.description());
  }

  @Test
  void previewsOfInitAndUnsealReadTheSealStatus() throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var ctx = TestCallContext.plan();
    var init = module(null).planInit(ctx, args("init", vault(), num(5), num(3)));
    assertEquals("init", init.operation());
    assertTrue(init.description().startsWith("initialise Vault at " + server.address() + " with 5 key shares, 3 of which"), init.description());
    assertTrue(server.requests().stream().noneMatch(r -> r.contains("sys/init") && !r.startsWith("GET")));

    var keys = new VaultClient(VaultValues.endpoint(vault()), VaultModule.http(ctx), () -> null, java.time.Duration.ofSeconds(5)).init(1, 1);
    assertTrue(module(null).planInit(ctx, args("init", vault(), num(5), num(3))).description().contains("already initialised"));
    var unseal = module(null).planUnseal(ctx, args("unseal", vault(), keys.keys().getFirst()));
    assertEquals("unseal", unseal.operation());
    assertTrue(server.sealed(), "planning does not unseal");
    module(null).unseal(TestCallContext.apply(), args("unseal", vault(), keys.keys().getFirst()));
    assertEquals("noop", module(null).planUnseal(ctx, args("unseal", vault(), keys.keys().getFirst())).operation());
  }

  @Test
  void initKeysAreSavedOwnerOnlyAndLoadedBack(@TempDir Path dir) throws Exception {
    server = FakeVaultServer.uninitialized().start();
    var ctx = TestCallContext.apply();
    var init = module(null).init(ctx, args("init", vault(), num(3), num(2)));
    var file = dir.resolve("vault-init.json");

    var plan = module(null).planSaveInitKeys(TestCallContext.plan(), args("saveInitKeys", new Value.Unknown("vault.init"), str(file.toString())));
    assertEquals("create", plan.operation());
    assertTrue(plan.description().contains("mode 0600"), plan.description());

    module(null).saveInitKeys(ctx, args("saveInitKeys", init, str(file.toString())));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    var loaded = (Value.Rec) module(null).loadInitKeys(TestCallContext.apply(), args("loadInitKeys", str(file.toString())));
    assertEquals(((Value.Rec) init).get("keys"), loaded.get("keys"));
    assertEquals(((Value.Rec) init).get("rootToken"), loaded.get("rootToken"));
    assertEquals(new Value.Int(2), loaded.get("threshold"));

    assertTrue(module(null).planSaveInitKeys(TestCallContext.plan(), args("saveInitKeys", init, str(file.toString())))
        .description().contains("will refuse to overwrite"));
  }
}
