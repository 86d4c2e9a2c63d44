package aegis.adapters.neo4j;

import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.CredentialRef;
import aegis.adapters.CredentialSource;
import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java side of {@code stdlib/neo4j.aegis}: adapts aegis values to {@link Neo4jClient} and
 * {@link Neo4jMaintenance}. One driver per endpoint per run, kept in the run's resources and closed
 * when the run ends; queries run under a transaction timeout of 1m cut short by the step's deadline.
 */
public final class Neo4jModule implements BuiltinModule {
  static final Duration QUERY_TIMEOUT = Duration.ofMinutes(1);
  static final int MAX_CONNECTIONS = 8;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CredentialSource credentials;

  /** Passwords from environment variables only (unless the run provides its own source). */
  public Neo4jModule() { this(CredentialSource.environment()); }

  /** {@code credentials} resolves endpoint passwords when the run provides no source of its own. */
  public Neo4jModule(CredentialSource credentials) { this.credentials = credentials; }

  @Override
  public String name() { return "neo4j"; }

  @Extern("ready")
  public Value ready(CallContext ctx, Args args) {
    return Value.Bool.of(client(ctx, args).ready(left(ctx, args.duration(1))));
  }

  @Extern("query")
  public Value query(CallContext ctx, Args args) {
    var params = new LinkedHashMap<String, Object>();
    args.map(2).forEach((k, v) -> params.put(k, ((Value.Str) v).value()));
    var rows = client(ctx, args).query(args.string(1), params, optString(args, 3), left(ctx, QUERY_TIMEOUT));
    return new Value.ListV(rows.stream().map(Neo4jModule::row).toList());
  }

  private static Value row(Map<String, Object> row) {
    var m = new LinkedHashMap<String, Value>();
    row.forEach((k, v) -> {
      if (v != null) m.put(k, new Value.Str(Neo4jTypes.text(v)));
    });
    return new Value.MapV(m);
  }

  @Extern("showDatabases")
  public Value showDatabases(CallContext ctx, Args args) {
    var dbs = client(ctx, args).showDatabases(left(ctx, QUERY_TIMEOUT));
    return new Value.ListV(dbs.stream().map(d -> {
      var f = new LinkedHashMap<String, Value>();
      f.put("name", new Value.Str(d.name()));
      f.put("address", new Value.Str(d.address()));
      f.put("role", new Value.Str(d.role()));
      f.put("requestedStatus", new Value.Str(d.requestedStatus()));
      f.put("currentStatus", new Value.Str(d.currentStatus()));
      f.put("error", d.error() == null ? Value.Null.INSTANCE : new Value.Str(d.error()));
      f.put("isDefault", Value.Bool.of(d.isDefault()));
      return (Value) new Value.Rec("neo4j.Database", f);
    }).toList());
  }

  @Extern("statsClear")
  public Value statsClear(CallContext ctx, Args args) {
    Neo4jMaintenance.statsClear(client(ctx, args), optString(args, 1), left(ctx, QUERY_TIMEOUT));
    return Value.Null.INSTANCE;
  }

  @PlanFor("statsClear")
  public ActionPreview planStatsClear(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var stats = Neo4jMaintenance.queryStats(client, optString(args, 1), left(ctx, QUERY_TIMEOUT));
    var live = NODES.objectNode();
    live.put("status", stats.status());
    live.put("queries", stats.queries());
    live.put("invocations", stats.invocations());
    var desired = NODES.objectNode();
    desired.put("queries", 0);
    return new ActionPreview(target(client, stats.database()), "db.stats.clear", stats.description(), live, desired);
  }

  @Extern("resampleIndexes")
  public Value resampleIndexes(CallContext ctx, Args args) {
    Neo4jMaintenance.resampleIndexes(client(ctx, args), optString(args, 1), left(ctx, QUERY_TIMEOUT));
    return Value.Null.INSTANCE;
  }

  @PlanFor("resampleIndexes")
  public ActionPreview planResampleIndexes(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var indexes = Neo4jMaintenance.indexes(client, optString(args, 1), left(ctx, QUERY_TIMEOUT));
    var live = NODES.objectNode();
    live.put("online", indexes.online());
    live.put("total", indexes.total());
    return new ActionPreview(target(client, indexes.database()), "db.resampleOutdatedIndexes", indexes.description(), live, null);
  }

  /** The run's driver for the endpoint in argument 0, opened (and its password resolved) on first use. */
  private Neo4jClient client(CallContext ctx, Args args) {
    var ep = endpoint(args.get(0));
    var source = CredentialSource.forRun(ctx, credentials);
    return ctx.resource(ep.driverKey(), () -> Neo4jClient.open(ep, ep.password() == null ? null : source.resolve(ep.password(), ctx), MAX_CONNECTIONS));
  }

  static Neo4jEndpoint endpoint(Value v) {
    if (!(v instanceof Value.Rec r)) throw new AdapterException(Neo4jErrors.SYSTEM, "expected a Neo4jEndpoint, got " + v.show());
    return new Neo4jEndpoint(((Value.Str) r.get("uri")).value(), ((Value.Str) r.get("user")).value(),
        CredentialRef.orNull(r.get("password")), r.get("database") instanceof Value.Str s ? s.value() : null);
  }

  /** {@code limit} cut short by the step's deadline; zero when it has passed. */
  private static Duration left(CallContext ctx, Duration limit) {
    var deadline = ctx.deadline();
    if (deadline == null) return limit;
    var remaining = Duration.between(Instant.now(), deadline);
    if (remaining.isNegative()) remaining = Duration.ZERO;
    return remaining.compareTo(limit) < 0 ? remaining : limit;
  }

  private static String target(Neo4jClient client, String database) { return "neo4j " + client.endpoint().uri() + " " + database; }

  private static String optString(Args args, int i) { return args.isNull(i) ? null : args.string(i); }
}
