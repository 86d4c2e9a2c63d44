package aegis.adapters.pg;

import aegis.adapters.AdapterException;
import aegis.adapters.CredentialRef;
import aegis.eval.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Conversions between aegis values ({@code core.PostgresEndpoint}, {@code pg.*} records) and the pg adapter's Java types. */
final class PgValues {
  /** Used when the endpoint record has no {@code connectTimeout}. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Used when the endpoint record has no {@code statementTimeout}: reads and {@code exec} never run longer. */
  static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(1);

  private PgValues() {}

  /** A {@code core.PostgresEndpoint}; {@code connectTimeout} and {@code statementTimeout} are read when the record has them. */
  static PgEndpoint endpoint(Value v) {
    if (!(v instanceof Value.Rec r)) throw new AdapterException(PgErrors.SYSTEM, "expected a PostgresEndpoint, got " + v.show());
    return new PgEndpoint(
        str(r.get("host")), (int) ((Value.Int) r.get("port")).value(), str(r.get("database")), str(r.get("user")),
        CredentialRef.orNull(r.get("password")), r.get("sslMode") instanceof Value.Str s ? s.value() : null,
        r.get("connectTimeout") instanceof Value.Dur d ? d.value() : CONNECT_TIMEOUT,
        r.get("statementTimeout") instanceof Value.Dur d ? d.value() : STATEMENT_TIMEOUT);
  }

  private static String str(Value v) { return ((Value.Str) v).value(); }

  static Value text(String s) { return new Value.Str(s == null ? "" : s); }

  static Value optText(String s) { return s == null ? Value.Null.INSTANCE : new Value.Str(s); }

  static Value integer(long n) { return new Value.Int(n); }

  static Value dur(Duration d) { return new Value.Dur(d); }

  static Value list(List<? extends Value> items) { return new Value.ListV(List.copyOf(items)); }

  /** A byte count as a Quantity: exact amount, text in the largest binary unit ({@code 8Ki}, {@code 1.2Gi}). */
  static Value bytes(long n) {
    String[] units = {"Ki", "Mi", "Gi", "Ti", "Pi"};
    String text = Long.toString(n);
    for (int u = units.length - 1; u >= 0; u--) {
      long factor = 1L << (10 * (u + 1));
      if (n >= factor) {
        text = n % factor == 0 ? (n / factor) + units[u] : String.format(Locale.ROOT, "%.1f%s", (double) n / factor, units[u]);
        break;
      }
    }
    return new Value.Qty(BigDecimal.valueOf(n), text);
  }

  /** A row of {@code pg.query}: column to text, NULL columns left out. */
  static Value row(PgRow row) {
    var m = new LinkedHashMap<String, Value>();
    for (int i = 0; i < row.columns().size(); i++) {
      var v = row.values().get(i);
      if (v != null) m.put(row.columns().get(i), new Value.Str(PgRow.text(v)));
    }
    return new Value.MapV(m);
  }

  static Value.Rec record(String type, Map<String, Value> fields) { return new Value.Rec("pg." + type, fields); }

  static Value connections(PgMonitor.Connections c) {
    var f = new LinkedHashMap<String, Value>();
    f.put("total", integer(c.total()));
    f.put("active", integer(c.active()));
    f.put("idle", integer(c.idle()));
    f.put("idleInTransaction", integer(c.idleInTransaction()));
    f.put("waitingOnLocks", integer(c.waitingOnLocks()));
    f.put("maxConnections", integer(c.max()));
    f.put("usage", new Value.Float(c.usage()));
    return record("ConnectionStats", f);
  }

  static Value activity(PgMonitor.RunningQuery q) {
    var f = new LinkedHashMap<String, Value>();
    f.put("pid", integer(q.pid()));
    f.put("user", text(q.user()));
    f.put("database", text(q.database()));
    f.put("application", text(q.application()));
    f.put("state", text(q.state()));
    f.put("waitEvent", optText(q.waitEvent()));
    f.put("duration", dur(q.runningFor()));
    f.put("query", text(q.query()));
    return record("Activity", f);
  }

  static Value blocked(PgMonitor.BlockedQuery b) {
    var f = new LinkedHashMap<String, Value>();
    f.put("pid", integer(b.pid()));
    f.put("user", text(b.user()));
    f.put("waiting", dur(b.waiting()));
    f.put("lockType", text(b.lockType()));
    f.put("mode", text(b.mode()));
    f.put("relation", optText(b.relation()));
    f.put("query", text(b.query()));
    f.put("blockedBy", list(b.blockedBy().stream().map(p -> integer(p)).toList()));
    f.put("blockingQuery", optText(b.blockingQuery()));
    f.put("blockingState", optText(b.blockingState()));
    return record("BlockedQuery", f);
  }

  static Value statement(PgStatements.TopStatement s) {
    var f = new LinkedHashMap<String, Value>();
    f.put("query", text(s.query()));
    f.put("calls", integer(s.calls()));
    f.put("totalTime", dur(s.totalTime()));
    f.put("meanTime", dur(s.meanTime()));
    f.put("maxTime", dur(s.maxTime()));
    f.put("rows", integer(s.rows()));
    f.put("hitRatio", new Value.Float(s.hitRatio()));
    return record("Statement", f);
  }

  static PgStatements.Order order(Value v) {
    return switch (((Value.EnumV) v).member()) {
      case "MeanTime" -> PgStatements.Order.MEAN_TIME;
      case "TotalTime" -> PgStatements.Order.TOTAL_TIME;
      case "Calls" -> PgStatements.Order.CALLS;
      default -> throw new AdapterException(PgErrors.SYSTEM, "unknown StatementOrder " + v.show());
    };
  }

  static Value tableStats(PgMaintenance.TableStats t) {
    var f = new LinkedHashMap<String, Value>();
    f.put("table", text(t.table()));
    f.put("liveTuples", integer(t.liveTuples()));
    f.put("deadTuples", integer(t.deadTuples()));
    f.put("lastVacuum", optText(t.lastVacuum()));
    f.put("lastAnalyze", optText(t.lastAnalyze()));
    f.put("size", bytes(t.bytes()));
    return record("TableStats", f);
  }

  /** Plan detail of one index (not a declared record: it only appears in plans). */
  static Value index(PgMaintenance.IndexInfo i) {
    var f = new LinkedHashMap<String, Value>();
    f.put("index", text(i.index()));
    f.put("table", text(i.table()));
    f.put("size", bytes(i.bytes()));
    f.put("valid", Value.Bool.of(i.valid()));
    return new Value.MapV(f);
  }

  /** Plan detail of one idle session. */
  static Value idleSession(PgAdmin.IdleSession s) {
    var f = new LinkedHashMap<String, Value>();
    f.put("pid", integer(s.pid()));
    f.put("user", text(s.user()));
    f.put("application", text(s.application()));
    f.put("client", text(s.client()));
    f.put("state", text(s.state()));
    f.put("idleFor", dur(s.idleFor()));
    return new Value.MapV(f);
  }
}
