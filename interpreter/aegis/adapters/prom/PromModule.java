package aegis.adapters.prom;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Deadlines;
import aegis.adapters.Extern;
import aegis.adapters.http.HttpTransport;
import aegis.eval.Value;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code prom} module of the stdlib ({@code stdlib/prom.aegis}): instant and range PromQL
 * queries and Alertmanager's alerts, as typed values. All reads: nothing here changes anything.
 * The work is done by {@link PromClient} and {@link AlertmanagerClient}.
 */
public final class PromModule implements BuiltinModule {

  private final Clock clock;

  public PromModule() { this(Clock.systemUTC()); }

  /** @param clock what "now" is for range queries (tests fix it) */
  public PromModule(Clock clock) { this.clock = clock; }

  @Override
  public String name() { return "prom"; }

  /** {@code query(url, promql, timeout) -> List<Sample>}. */
  @Extern("query")
  public Value query(CallContext ctx, Args args) {
    var promql = args.string(1);
    var answer = prometheus(ctx, args.string(0)).query(promql, timeout(ctx, args.duration(2)));
    warn(ctx, promql, answer);
    return switch (answer.result()) {
      case PromResult.Vector v -> new Value.ListV(v.samples().stream()
          .filter(s -> PromResult.finite(s.value()))
          .map(s -> sample(s.labels(), s.value()))
          .toList());
      case PromResult.Scalar s -> new Value.ListV(PromResult.finite(s.value()) ? List.of(sample(Map.of(), s.value())) : List.of());
      case PromResult.Matrix m -> throw rangeVector(promql);
      case PromResult.Text t -> throw notNumbers(promql);
    };
  }

  /** {@code scalar(url, promql, timeout) -> Float?}. */
  @Extern("scalar")
  public Value scalar(CallContext ctx, Args args) {
    var promql = args.string(1);
    var answer = prometheus(ctx, args.string(0)).query(promql, timeout(ctx, args.duration(2)));
    warn(ctx, promql, answer);
    double value;
    switch (answer.result()) {
      case PromResult.Scalar s -> value = s.value();
      case PromResult.Vector v -> {
        if (v.samples().isEmpty()) return Value.Null.INSTANCE;
        if (v.samples().size() > 1) {
          throw new AdapterException("prometheus", "the query `" + promql + "` gives " + v.samples().size()
              + " samples, not one number (the first is " + v.samples().getFirst().labels()
              + "); aggregate it, e.g. sum(...) or max(...)");
        }
        value = v.samples().getFirst().value();
      }
      case PromResult.Matrix m -> throw rangeVector(promql);
      case PromResult.Text t -> throw notNumbers(promql);
    }
    return Double.isNaN(value) ? Value.Null.INSTANCE : new Value.Float(value);
  }

  /** {@code queryRange(url, promql, range, step, timeout) -> List<Series>}, ending now. */
  @Extern("queryRange")
  public Value queryRange(CallContext ctx, Args args) {
    var promql = args.string(1);
    var end = clock.instant();
    var answer = prometheus(ctx, args.string(0))
        .queryRange(promql, end.minus(args.duration(2)), end, args.duration(3), timeout(ctx, args.duration(4)));
    warn(ctx, promql, answer);
    if (!(answer.result() instanceof PromResult.Matrix matrix)) {
      throw new AdapterException("prometheus", "the range query `" + promql + "` gave a " + kind(answer.result())
          + ", not series of points");
    }
    var series = new ArrayList<Value>();
    for (var s : matrix.series()) {
      var points = s.points().stream()
          .filter(p -> PromResult.finite(p.value()))
          .map(p -> (Value) record("prom.Point", "time", new Value.Str(p.time().toString()), "value", new Value.Float(p.value())))
          .toList();
      series.add(record("prom.Series", "labels", labels(s.labels()), "points", new Value.ListV(points)));
    }
    return new Value.ListV(series);
  }

  /** {@code alerts(url, severity?, includeSuppressed) -> List<Alert>}. */
  @Extern("alerts")
  public Value alerts(CallContext ctx, Args args) {
    var severity = args.isNull(1) ? null : args.string(1);
    var client = new AlertmanagerClient(args.string(0), HttpTransport.JDK_TRUST);
    var alerts = new ArrayList<Value>();
    for (var a : client.alerts(args.bool(2), Deadlines.timeLeft(ctx, Duration.ofSeconds(30), "alertmanager"))) {
      if (severity != null && !severity.equals(a.severity())) continue;
      alerts.add(record("prom.Alert", "name", new Value.Str(a.name()), "severity", new Value.Str(a.severity()),
          "state", new Value.Str(a.state()), "startsAt", new Value.Str(a.startsAt()), "summary", new Value.Str(a.summary()),
          "labels", labels(a.labels())));
    }
    return new Value.ListV(alerts);
  }

  private PromClient prometheus(CallContext ctx, String url) { return new PromClient(url, HttpTransport.JDK_TRUST); }

  private static Duration timeout(CallContext ctx, Duration requested) {
    return Deadlines.timeLeft(ctx, requested, "prometheus");
  }

  private static void warn(CallContext ctx, String promql, PromClient.Answer answer) {
    for (var w : answer.warnings()) ctx.progress("Prometheus warns about `" + promql + "`: " + w);
  }

  private static Value sample(Map<String, String> labels, double value) {
    return record("prom.Sample", "labels", labels(labels), "value", new Value.Float(value));
  }

  private static Value labels(Map<String, String> labels) {
    var map = new LinkedHashMap<String, Value>();
    labels.forEach((k, v) -> map.put(k, new Value.Str(v)));
    return new Value.MapV(map);
  }

  private static Value.Rec record(String type, Object... namesAndValues) {
    var fields = new LinkedHashMap<String, Value>();
    for (int i = 0; i < namesAndValues.length; i += 2) fields.put((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
    return new Value.Rec(type, fields);
  }

  private static String kind(PromResult result) {
    return switch (result) {
      case PromResult.Vector v -> "instant vector";
      case PromResult.Matrix m -> "range vector";
      case PromResult.Scalar s -> "scalar";
      case PromResult.Text t -> "string";
    };
  }

  private static AdapterException rangeVector(String promql) {
    return new AdapterException("prometheus", "the query `" + promql + "` gives a range vector: use prom.queryRange,"
        + " or wrap it in a function such as rate(...) or avg_over_time(...)");
  }

  private static AdapterException notNumbers(String promql) {
    return new AdapterException("prometheus", "the query `" + promql + "` gives a string, not numbers");
  }
}
