package aegis.adapters.pg;

import aegis.adapters.ActionPreview;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.CredentialSource;
import aegis.adapters.Extern;
import aegis.adapters.PlanFor;
import aegis.eval.Durations;
import aegis.eval.Value;
import aegis.eval.ValueJson;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java side of {@code stdlib/pg.aegis}: adapts aegis values to {@link PgClient},
 * {@link PgMonitor}, {@link PgStatements}, {@link PgMaintenance} and {@link PgAdmin}.
 *
 * <p>One {@link PgClient} (a small pool) per endpoint per run, kept in the run's resources and
 * closed when the run ends; the password is resolved when it is opened. Reads and {@code exec}
 * run under the endpoint's statement timeout (1m unless the record says otherwise), cut short by
 * the step's deadline; VACUUM and REINDEX are bounded by the step's timeout alone.
 */
public final class PgModule implements BuiltinModule {
  /** Connections per endpoint and run: enough for a {@code parallel} loop of checks, small for the server. */
  static final int MAX_CONNECTIONS = 8;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CredentialSource credentials;

  /** Passwords from environment variables only (unless the run provides its own source). */
  public PgModule() { this(CredentialSource.environment()); }

  /** {@code credentials} resolves endpoint passwords when the run provides no source of its own. */
  public PgModule(CredentialSource credentials) { this.credentials = credentials; }

  @Override
  public String name() { return "pg"; }

  // ---------------------------------------------------------------- connectivity and queries

  @Extern("ready")
  public Value ready(CallContext ctx, Args args) {
    var client = client(ctx, args);
    return Value.Bool.of(client.ready(left(ctx, args.duration(1))));
  }

  @Extern("serverVersion")
  public Value serverVersion(CallContext ctx, Args args) {
    var client = client(ctx, args);
    return PgValues.integer(PgMonitor.serverVersion(client, reads(ctx, client)));
  }

  @Extern("query")
  public Value query(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var rows = client.query(args.string(1), strings(args.list(2)), reads(ctx, client));
    return PgValues.list(rows.stream().map(PgValues::row).toList());
  }

  @Extern("scalar")
  public Value scalar(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var rows = client.query(args.string(1), strings(args.list(2)), reads(ctx, client));
    return rows.isEmpty() ? Value.Null.INSTANCE : PgValues.optText(PgRow.text(rows.getFirst().values().getFirst()));
  }

  @Extern("exec")
  public Value exec(CallContext ctx, Args args) {
    var client = client(ctx, args);
    return PgValues.integer(client.exec(args.string(1), strings(args.list(2)), reads(ctx, client)));
  }

  @PlanFor("exec")
  public ActionPreview planExec(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var sql = args.string(1);
    var params = strings(args.list(2));
    Long rows = PgExplain.estimatedRows(client, sql, params, reads(ctx, client));
    var verb = PgExplain.verb(sql);
    var desired = NODES.objectNode();
    desired.put("sql", sql);
    desired.set("params", ValueJson.toJson(args.get(2)));
    var what = verb + " on " + client.endpoint().database()
        + (params.isEmpty() ? "" : " with " + PgMaintenance.count(params.size(), "parameter"))
        + (rows == null ? "" : ": about " + PgMaintenance.count(rows, "row") + " by the planner's estimate");
    return new ActionPreview(target(client), verb, what, null, desired);
  }

  @Extern("setting")
  public Value setting(CallContext ctx, Args args) {
    var client = client(ctx, args);
    return PgValues.optText(PgAdmin.show(client, args.string(1), reads(ctx, client)));
  }

  @Extern("databaseSize")
  public Value databaseSize(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var database = args.isNull(1) ? null : args.string(1);
    return PgValues.bytes(PgAdmin.databaseSize(client, database, reads(ctx, client)));
  }

  @Extern("tableStats")
  public Value tableStats(CallContext ctx, Args args) {
    var client = client(ctx, args);
    return PgValues.list(PgMaintenance.tableStats(client, null, reads(ctx, client)).stream().map(PgValues::tableStats).toList());
  }

  // ---------------------------------------------------------------- diagnostics

  @Extern("activeConnections")
  public Value activeConnections(CallContext ctx, Args args) {
    var client = client(ctx, args);
    return PgValues.connections(PgMonitor.connections(client, reads(ctx, client)));
  }

  @Extern("longRunningQueries")
  public Value longRunningQueries(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var rows = PgMonitor.longRunning(client, args.duration(1), reads(ctx, client));
    return PgValues.list(rows.stream().map(PgValues::activity).toList());
  }

  @Extern("blockedLocks")
  public Value blockedLocks(CallContext ctx, Args args) {
    var client = client(ctx, args);
    return PgValues.list(PgMonitor.blockedLocks(client, reads(ctx, client)).stream().map(PgValues::blocked).toList());
  }

  @Extern("cacheHitRatio")
  public Value cacheHitRatio(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var hit = PgMonitor.cacheHit(client, reads(ctx, client));
    return hit.ratio() == null ? Value.Null.INSTANCE : new Value.Float(hit.ratio());
  }

  @Extern("topStatements")
  public Value topStatements(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var rows = PgStatements.top(client, (int) args.integer(1), PgValues.order(args.get(2)), reads(ctx, client));
    return PgValues.list(rows.stream().map(PgValues::statement).toList());
  }

  // ---------------------------------------------------------------- maintenance

  @Extern("vacuumAnalyze")
  public Value vacuumAnalyze(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var table = optString(args, 1);
    ctx.progress(PgMaintenance.planVacuum(client, table, reads(ctx, client)).description());
    var done = PgMaintenance.vacuum(client, table, left(ctx, null));
    ctx.progress(done.statement() + " finished in " + Durations.format(done.elapsed()));
    return Value.Null.INSTANCE;
  }

  @PlanFor("vacuumAnalyze")
  public ActionPreview planVacuumAnalyze(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var plan = PgMaintenance.planVacuum(client, optString(args, 1), reads(ctx, client));
    var live = NODES.objectNode();
    live.set("tables", ValueJson.toJson(PgValues.list(plan.tables().stream().map(PgValues::tableStats).toList())));
    return new ActionPreview(target(client), "VACUUM ANALYZE", plan.description(), live, statement(plan.statement()));
  }

  @Extern("reindex")
  public Value reindex(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var table = optString(args, 1);
    boolean concurrently = args.bool(2);
    ctx.progress(PgMaintenance.planReindex(client, table, concurrently, reads(ctx, client)).description());
    var done = PgMaintenance.reindex(client, table, concurrently, left(ctx, null));
    ctx.progress(done.statement() + " finished in " + Durations.format(done.elapsed()));
    return Value.Null.INSTANCE;
  }

  @PlanFor("reindex")
  public ActionPreview planReindex(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var plan = PgMaintenance.planReindex(client, optString(args, 1), args.bool(2), reads(ctx, client));
    var live = NODES.objectNode();
    live.set("indexes", ValueJson.toJson(PgValues.list(plan.indexes().stream().map(PgValues::index).toList())));
    live.put("busySessions", plan.busySessions());
    return new ActionPreview(target(client), "REINDEX", plan.description(), live, statement(plan.statement()));
  }

  @Extern("terminateIdle")
  public Value terminateIdle(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var ended = PgAdmin.terminateIdle(client, args.duration(1), args.bool(2), reads(ctx, client));
    return PgValues.integer(ended.size());
  }

  @PlanFor("terminateIdle")
  public ActionPreview planTerminateIdle(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var olderThan = args.duration(1);
    boolean inTx = args.bool(2);
    var sessions = PgAdmin.idleSessions(client, olderThan, inTx, reads(ctx, client));
    var database = client.endpoint().database();
    var kind = (inTx ? "idle or idle-in-transaction" : "idle") + " longer than " + Durations.format(olderThan);
    var live = NODES.objectNode();
    live.set("sessions", ValueJson.toJson(PgValues.list(sessions.stream().map(PgValues::idleSession).toList())));
    var desired = NODES.objectNode();
    desired.put("terminated", sessions.size());
    if (sessions.isEmpty()) {
      return new ActionPreview(target(client), "noop", "no session on " + database + " is " + kind + " now", live, desired);
    }
    var byApp = sessions.stream().collect(Collectors.groupingBy(
        s -> s.application().isEmpty() ? s.user() : s.application(), LinkedHashMap::new, Collectors.counting()));
    var who = byApp.entrySet().stream().map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue())
        .collect(Collectors.joining(", "));
    return new ActionPreview(target(client), "terminate",
        "terminate " + PgMaintenance.count(sessions.size(), "session") + " on " + database + " " + kind + " (" + who
            + "): their clients must reconnect", live, desired);
  }

  @Extern("setSystem")
  public Value setSystem(CallContext ctx, Args args) {
    var client = client(ctx, args);
    PgAdmin.setSystem(client, args.string(1), args.string(2), reads(ctx, client));
    return Value.Null.INSTANCE;
  }

  @PlanFor("setSystem")
  public ActionPreview planSetSystem(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var value = args.string(2);
    var s = PgAdmin.setting(client, args.string(1), reads(ctx, client));
    PgAdmin.checkValue(s, value);
    var live = NODES.objectNode();
    live.put(s.name(), s.value());
    if (s.unit() != null) live.put("unit", s.unit());
    var desired = NODES.objectNode();
    desired.put(s.name(), value);
    var unit = s.unit() == null ? "" : " " + s.unit();
    var description = "ALTER SYSTEM SET " + s.name() + " = " + PgAdmin.quoteLiteral(value) + " (now " + s.value() + unit + "); "
        + (s.takesEffect().equals("restart") ? "takes effect only after a PostgreSQL restart" : "takes effect after pg.reload");
    return new ActionPreview(target(client), "update", description, live, desired);
  }

  @Extern("reload")
  public Value reload(CallContext ctx, Args args) {
    var client = client(ctx, args);
    PgAdmin.reload(client, reads(ctx, client));
    return Value.Null.INSTANCE;
  }

  @PlanFor("reload")
  public ActionPreview planReload(CallContext ctx, Args args) {
    var client = client(ctx, args);
    var pending = PgAdmin.pendingChanges(client, reads(ctx, client));
    var live = NODES.objectNode();
    var changes = live.putArray("pending");
    for (var p : pending) {
      ObjectNode n = changes.addObject();
      n.put("name", p.name());
      n.put("now", p.now());
      n.put("next", p.next());
      n.put("needsRestart", p.needsRestart());
      if (p.error() != null) n.put("error", p.error());
    }
    var listed = pending.stream().map(p -> p.name() + ": " + p.now() + " -> " + p.next() + (p.needsRestart() ? " (needs a restart)" : ""))
        .collect(Collectors.joining(", "));
    var description = "reload the configuration of " + client.endpoint().host() + ":" + client.endpoint().port() + ": "
        + (pending.isEmpty() ? "no change is pending now (changes planned before this call are not written yet)"
            : PgMaintenance.count(pending.size(), "pending change") + " (" + listed + ")");
    return new ActionPreview(target(client), "reload", description, live, null);
  }

  // ---------------------------------------------------------------- plumbing

  /** The run's client for the endpoint in argument 0, opened (and its password resolved) on first use. */
  private PgClient client(CallContext ctx, Args args) {
    var ep = PgValues.endpoint(args.get(0));
    // Looked up outside the factory: a run's resource map need not allow nested creation.
    var source = CredentialSource.forRun(ctx, credentials);
    return ctx.resource(ep.poolKey(), () -> PgClient.open(ep, ep.password() == null ? null : source.resolve(ep.password(), ctx), MAX_CONNECTIONS));
  }

  /** The statement timeout of reads and {@code exec}: the endpoint's, cut short by the step's deadline. */
  private static Duration reads(CallContext ctx, PgClient client) { return left(ctx, client.endpoint().statementTimeout()); }

  /** {@code limit} (null: none) cut short by the step's deadline; zero when the deadline has passed. */
  static Duration left(CallContext ctx, Duration limit) {
    var deadline = ctx.deadline();
    if (deadline == null) return limit;
    var remaining = Duration.between(Instant.now(), deadline);
    if (remaining.isNegative()) remaining = Duration.ZERO;
    return limit == null || remaining.compareTo(limit) < 0 ? remaining : limit;
  }

  private static String target(PgClient client) { return "pg " + client.endpoint().display(); }

  private static ObjectNode statement(String sql) {
    var n = NODES.objectNode();
    n.put("statement", sql);
    return n;
  }

  private static String optString(Args args, int i) { return args.isNull(i) ? null : args.string(i); }

  private static List<String> strings(List<Value> values) {
    return values.stream().map(v -> ((Value.Str) v).value()).toList();
  }
}
