package aegis.adapters.vault;

import aegis.adapters.HomePaths;
import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Deadlines;
import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code vault} module of the stdlib ({@code stdlib/vault.aegis}): health and seal status,
 * init, unseal, and KV version 2 secrets. The work is done by {@link VaultClient} and
 * {@link InitKeysFile}; this class converts values and previews writes. Every secret it sees or
 * makes (the token, keys, secret values) is registered with {@link CallContext#registerSecret}.
 */
public final class VaultModule implements BuiltinModule {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Function<String, String> environment;

  public VaultModule() { this(System::getenv); }

  /** @param environment where token variables are looked up (tests pass their own) */
  public VaultModule(Function<String, String> environment) { this.environment = environment; }

  @Override
  public String name() { return "vault"; }

  @Extern("health")
  public Value health(CallContext ctx, Args args) {
    return VaultValues.health(client(ctx, args.record(0)).health());
  }

  @Extern("sealStatus")
  public Value sealStatus(CallContext ctx, Args args) {
    return VaultValues.sealStatus(client(ctx, args.record(0)).sealStatus());
  }

  @Extern("init")
  public Value init(CallContext ctx, Args args) {
    var endpoint = VaultValues.endpoint(args.record(0));
    var keys = client(ctx, args.record(0)).init((int) args.integer(1), (int) args.integer(2));
    keys.keys().forEach(k -> ctx.registerSecret(k.reveal()));
    keys.keysBase64().forEach(k -> ctx.registerSecret(k.reveal()));
    ctx.registerSecret(keys.rootToken().reveal());
    ctx.progress("Vault at " + endpoint.base() + " is initialised with " + keys.shares() + " key shares (threshold "
        + keys.threshold() + "); it is sealed until unsealed");
    return VaultValues.initResult(keys);
  }

  @PlanFor("init")
  public ActionPreview planInit(CallContext ctx, Args args) {
    var endpoint = VaultValues.endpoint(args.record(0));
    var status = client(ctx, args.record(0)).sealStatus();
    var desired = NODES.objectNode().put("initialized", true).put("shares", args.integer(1)).put("threshold", args.integer(2));
    var description = status.initialized()
        ? "Vault at " + endpoint.base() + " is already initialised: vault.init will fail"
        : "initialise Vault at " + endpoint.base() + " with " + args.integer(1) + " key shares, " + args.integer(2)
            + " of which unseal it; the keys and root token are shown once";
    return new ActionPreview(target(endpoint), "init", description, sealJson(status), desired);
  }

  @Extern("saveInitKeys")
  public Value saveInitKeys(CallContext ctx, Args args) {
    InitKeysFile.write(VaultValues.initKeys(args.record(0)), HomePaths.expand(args.string(1)));
    ctx.progress("saved the Vault unseal keys and root token to " + args.string(1) + " (mode 0600)");
    return Value.Null.INSTANCE;
  }

  @PlanFor("saveInitKeys")
  public ActionPreview planSaveInitKeys(CallContext ctx, Args args) {
    var file = HomePaths.expand(args.string(1)).toAbsolutePath();
    var what = args.get(0) instanceof Value.Rec rec ? ((Value.ListV) rec.get("keys")).items().size() + " unseal key shares" : "the unseal key shares";
    var exists = Files.exists(file);
    var description = exists
        ? file + " exists already: vault.saveInitKeys will refuse to overwrite it"
        : "write " + what + " and the root token to " + file + ", readable by its owner only (mode 0600)";
    var live = exists ? NODES.objectNode().put("exists", true) : null;
    var desired = NODES.objectNode().put("exists", true).put("mode", "0600");
    return new ActionPreview("file " + file, "create", description, live, desired);
  }

  @Extern("loadInitKeys")
  public Value loadInitKeys(CallContext ctx, Args args) {
    var keys = InitKeysFile.read(HomePaths.expand(args.string(0)));
    keys.keys().forEach(k -> ctx.registerSecret(k.reveal()));
    keys.keysBase64().forEach(k -> ctx.registerSecret(k.reveal()));
    ctx.registerSecret(keys.rootToken().reveal());
    return VaultValues.initResult(keys);
  }

  @Extern("unseal")
  public Value unseal(CallContext ctx, Args args) {
    var key = VaultValues.secret(args.get(1));
    ctx.registerSecret(key.reveal());
    return VaultValues.sealStatus(client(ctx, args.record(0)).unseal(key));
  }

  @PlanFor("unseal")
  public ActionPreview planUnseal(CallContext ctx, Args args) {
    var endpoint = VaultValues.endpoint(args.record(0));
    var status = client(ctx, args.record(0)).sealStatus();
    var live = sealJson(status);
    if (!status.sealed()) {
      return new ActionPreview(target(endpoint), "noop", "Vault at " + endpoint.base() + " is already unsealed", live, live);
    }
    var description = "give one unseal key share to Vault at " + endpoint.base() + " (progress " + status.progress()
        + " of " + status.threshold() + ")";
    return new ActionPreview(target(endpoint), "unseal", description, live, null);
  }

  @Extern("read")
  public Value read(CallContext ctx, Args args) {
    var path = args.string(1);
    var version = args.isNull(2) ? null : (int) args.integer(2);
    var endpoint = VaultValues.endpoint(args.record(0));
    return readOrUnknown(ctx, args, "vault.read", secret -> register(ctx, secret.orElseThrow(() -> new AdapterException("vault",
        "vault.read: there is no secret at " + path + (version == null ? "" : " version " + version) + " in Vault at "
            + endpoint.base() + " (KV version 2, mount `" + path.substring(0, path.indexOf('/')) + "`)"))));
  }

  @Extern("tryRead")
  public Value tryRead(CallContext ctx, Args args) {
    return readOrUnknown(ctx, args, "vault.tryRead", secret -> secret.map(s -> register(ctx, s)).orElse(Value.Null.INSTANCE));
  }

  @Extern("exists")
  public Value exists(CallContext ctx, Args args) {
    return readOrUnknown(ctx, args, "vault.exists", secret -> Value.Bool.of(secret.isPresent()));
  }

  /**
   * Reads {@code args}' path (and version, if the function has one) and converts what it finds.
   * A plan meeting a sealed Vault gets an unknown instead of a failure: the runbook may unseal it
   * (or initialise it) in an earlier step, so only the apply can know. The same holds when there
   * is no token yet because Vault was never initialised (a first deploy): none can exist before
   * {@code init}.
   */
  private Value readOrUnknown(CallContext ctx, Args args, String function, Function<Optional<KvSecret>, Value> convert) {
    var path = args.string(1);
    var version = args.values().size() > 2 && !args.isNull(2) ? (int) args.integer(2) : null;
    try {
      return convert.apply(client(ctx, args.record(0)).read(path, version));
    } catch (AdapterException e) {
      if (ctx.mode() == CallContext.Mode.APPLY) throw e;
      if (!(e instanceof VaultSealedException) && client(ctx, args.record(0)).sealStatus().initialized()) throw e;
      ctx.progress("Vault at " + VaultValues.endpoint(args.record(0)).base() + " is sealed: " + function + " " + path
          + " is known only after apply");
      return new Value.Unknown(function + " " + path + ": Vault is sealed while planning");
    }
  }

  /**
   * Writes {@code data} as the new version of the secret, unless the newest version holds exactly
   * that already (then nothing is written and its number is returned). The write is a
   * check-and-set against the version just read, so a concurrent writer makes it fail, not vanish.
   */
  @Extern("write")
  public Value write(CallContext ctx, Args args) {
    var path = args.string(1);
    var desired = new LinkedHashMap<String, Value.Secret>();
    args.map(2).forEach((k, v) -> desired.put(k, VaultValues.secret(v)));
    desired.values().forEach(s -> ctx.registerSecret(s.reveal()));
    var client = client(ctx, args.record(0));
    Optional<KvSecret> current = client.read(path, null);
    current.ifPresent(s -> s.data().values().forEach(v -> ctx.registerSecret(v.reveal())));
    if (current.isPresent() && current.get().data().equals(desired)) return new Value.Int(current.get().version());
    return new Value.Int(client.write(path, desired, current.map(KvSecret::version).orElse(0)));
  }

  @PlanFor("write")
  public ActionPreview planWrite(CallContext ctx, Args args) {
    var endpoint = VaultValues.endpoint(args.record(0));
    var path = args.string(1);
    var target = target(endpoint) + " " + path;
    Map<String, Value> desired = args.get(2) instanceof Value.MapV m ? m.entries() : null;
    var desiredJson = desired == null ? null : KvDiff.of(desired, Map.of()).json(desired);
    Optional<KvSecret> current;
    try {
      current = client(ctx, args.record(0)).read(path, null);
    } catch (AdapterException e) {
      return new ActionPreview(target, "update", "write " + path + "; its current version could not be read: "
          + e.getMessage(), null, desiredJson);
    }
    if (current.isEmpty()) {
      var keys = desired == null ? "" : " with " + VaultValues.keyList(desired);
      return new ActionPreview(target, "create", "create " + path + keys, null, desiredJson);
    }
    var live = current.get();
    live.data().values().forEach(v -> ctx.registerSecret(v.reveal()));
    var liveJson = KvDiff.of(live.data(), live.data()).json(live.data()).put("version", live.version());
    if (desired == null) {
      return new ActionPreview(target, "update", "write a new version of " + path + " (values known after apply)", liveJson, null);
    }
    var diff = KvDiff.of(desired, live.data());
    if (diff.none()) {
      return new ActionPreview(target, "noop", path + " holds these values already (version " + live.version() + ")", liveJson, liveJson);
    }
    var next = live.version() + 1;
    return new ActionPreview(target, "update", "write version " + next + " of " + path + ": " + diff.summary(),
        liveJson, diff.json(desired).put("version", next));
  }

  @Extern("secret")
  public Value secret(CallContext ctx, Args args) {
    var rec = args.record(0);
    var key = args.string(1);
    var data = ((Value.MapV) rec.get("data")).entries();
    var value = data.get(key);
    if (value == null) {
      throw new AdapterException("vault", rec.get("path").show() + " (version " + rec.get("version").show() + ") has no key `"
          + key + "`; it has " + VaultValues.keyList(data));
    }
    return value;
  }

  private Value register(CallContext ctx, KvSecret secret) {
    secret.data().values().forEach(v -> ctx.registerSecret(v.reveal()));
    return VaultValues.kvSecret(secret);
  }

  private VaultClient client(CallContext ctx, Value.Rec endpointValue) {
    var endpoint = VaultValues.endpoint(endpointValue);
    var timeout = Deadlines.timeLeft(ctx, endpoint.timeout(), "vault");
    return new VaultClient(endpoint, http(ctx), () -> {
      var token = endpoint.readToken(environment);
      ctx.registerSecret(token);
      return token;
    }, timeout);
  }

  /** One HTTP client per run, closed with it. */
  static HttpClient http(CallContext ctx) {
    return ctx.resource("vault:http", () -> VaultClient.newHttpClient(Duration.ofSeconds(10)));
  }

  private static String target(VaultEndpoint endpoint) { return "vault " + endpoint.base(); }

  private static ObjectNode sealJson(SealStatus s) {
    return NODES.objectNode().put("initialized", s.initialized()).put("sealed", s.sealed())
        .put("threshold", s.threshold()).put("shares", s.shares()).put("progress", s.progress());
  }
}
