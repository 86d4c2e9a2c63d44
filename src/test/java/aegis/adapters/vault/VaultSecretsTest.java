package aegis.adapters.vault;

import static aegis.adapters.vault.VaultArgs.args;
import static aegis.adapters.vault.VaultArgs.endpoint;
import static aegis.adapters.vault.VaultArgs.num;
import static aegis.adapters.vault.VaultArgs.secrets;
import static aegis.adapters.vault.VaultArgs.str;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import aegis.sandbox.vault.FakeVaultServer;
import aegis.testing.TestCallContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets go through every vault operation, successful and failing; none may show up in
 * an exception (message, causes or stack trace), a progress line, a preview, a value's text, a
 * log record, or standard output and error. Each must be registered for redaction.
 */
class VaultSecretsTest {
  private static final String TOKEN = "canary-token-5d1e";
  private static final String WRONG_TOKEN = "canary-wrong-token-0b7c";
  private static final String PASSWORD = "canary-password-77aa";
  private static final String NEW_PASSWORD = "canary-new-password-3c3c";

  private final List<String> seen = new ArrayList<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final List<String> canaries = new ArrayList<>(List.of(TOKEN, WRONG_TOKEN, PASSWORD, NEW_PASSWORD));
  private PrintStream out;
  private PrintStream err;
  private Level rootLevel;
  private final Handler logs = new Handler() {
    @Override
    public void publish(LogRecord record) {
      seen.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
      if (record.getThrown() != null) seen.add(trace(record.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void capture() {
    out = System.out;
    err = System.err;
    var both = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    var root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(logs);
  }

  @AfterEach
  void release() {
    System.setOut(out);
    System.setErr(err);
    var root = Logger.getLogger("");
    root.removeHandler(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void noSecretLeavesTheVaultModule(@TempDir Path dir) throws Exception {
    var ctx = TestCallContext.apply();
    var plan = TestCallContext.plan();
    try (var server = FakeVaultServer.uninitialized().start()) {
      server.addToken(TOKEN);
      var vault = endpoint(server.address(), "VAULT_TOKEN");
      var module = new VaultModule(Map.of("VAULT_TOKEN", TOKEN)::get);
      var wrong = new VaultModule(Map.of("VAULT_TOKEN", WRONG_TOKEN)::get);

      var init = (Value.Rec) observe(() -> module.init(ctx, args("init", vault, num(3), num(2))));
      var keys = ((Value.ListV) init.get("keys")).items();
      keys.forEach(k -> canaries.add(((Value.Secret) k).reveal()));
      ((Value.ListV) init.get("keysBase64")).items().forEach(k -> canaries.add(((Value.Secret) k).reveal()));
      canaries.add(((Value.Secret) init.get("rootToken")).reveal());
      var wrongShare = new Value.Secret("cafe".repeat(16));
      canaries.add(wrongShare.reveal());

      expectFailure(() -> module.init(ctx, args("init", vault, num(3), num(2))));
      observe(() -> module.planUnseal(plan, args("unseal", vault, keys.get(0))));
      observe(() -> module.unseal(ctx, args("unseal", vault, keys.get(0))));
      expectFailure(() -> module.unseal(ctx, args("unseal", vault, wrongShare)));
      expectFailure(() -> module.read(ctx, args("read", vault, str("secret/aegis/pg"), Value.Null.INSTANCE)));
      observe(() -> module.unseal(ctx, args("unseal", vault, keys.get(0))));
      observe(() -> module.unseal(ctx, args("unseal", vault, keys.get(1))));

      var data = secrets(Map.of("password", PASSWORD));
      observe(() -> module.planWrite(plan, args("write", vault, str("secret/aegis/pg"), data)));
      observe(() -> module.write(ctx, args("write", vault, str("secret/aegis/pg"), data)));
      var changed = secrets(Map.of("password", NEW_PASSWORD));
      observe(() -> module.planWrite(plan, args("write", vault, str("secret/aegis/pg"), changed)));
      expectFailure(() -> wrong.write(ctx, args("write", vault, str("secret/aegis/pg"), changed)));
      expectFailure(() -> wrong.read(ctx, args("read", vault, str("secret/aegis/pg"), Value.Null.INSTANCE)));
      observe(() -> wrong.planWrite(plan, args("write", vault, str("secret/aegis/pg"), changed)));

      var read = (Value.Rec) observe(() -> module.read(ctx, args("read", vault, str("secret/aegis/pg"), Value.Null.INSTANCE)));
      observe(() -> module.secret(ctx, args("secret", read, str("password"))));
      expectFailure(() -> module.secret(ctx, args("secret", read, str("missing"))));
      observe(() -> module.health(ctx, args("health", vault)));
      observe(() -> module.sealStatus(ctx, args("sealStatus", vault)));

      var file = dir.resolve("init.json");
      observe(() -> module.planSaveInitKeys(plan, args("saveInitKeys", init, str(file.toString()))));
      observe(() -> module.saveInitKeys(ctx, args("saveInitKeys", init, str(file.toString()))));
      expectFailure(() -> module.saveInitKeys(ctx, args("saveInitKeys", init, str(file.toString()))));
      observe(() -> module.loadInitKeys(ctx, args("loadInitKeys", str(file.toString()))));

      server.seal();
      expectFailure(() -> module.read(ctx, args("read", vault, str("secret/aegis/pg"), Value.Null.INSTANCE)));
      observe(() -> module.planWrite(plan, args("write", vault, str("secret/aegis/pg"), changed)));
      expectFailure(() -> VaultCredentials.of(vault, Map.of("VAULT_TOKEN", TOKEN)::get).resolve("secret/aegis/pg", "password", ctx));
    }
    seen.addAll(ctx.progressLines());
    seen.addAll(plan.progressLines());
    seen.add(console.toString(StandardCharsets.UTF_8));

    for (var canary : canaries) {
      for (var text : seen) assertFalse(text.contains(canary), "a secret leaked into: " + text);
    }
    for (var canary : List.of(TOKEN, WRONG_TOKEN, PASSWORD, NEW_PASSWORD)) {
      assertTrue(ctx.secrets().contains(canary) || plan.secrets().contains(canary), "not registered: a canary");
    }
    for (var canary : canaries.subList(4, canaries.size() - 1)) {
      assertTrue(ctx.secrets().contains(canary), "an init secret is not registered");
    }
  }

  private Object observe(Supplier<Object> call) {
    var result = call.get();
    seen.add(String.valueOf(result));
    if (result instanceof Value v) seen.add(v.show());
    return result;
  }

  private void expectFailure(Runnable call) {
    try {
      call.run();
      fail("expected a failure");
    } catch (AdapterException e) {
      seen.add(trace(e));
    }
  }

  private static String trace(Throwable e) {
    var text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
