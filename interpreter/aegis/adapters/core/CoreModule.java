package aegis.adapters.core;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Extern;
import aegis.eval.Value;
import aegis.eval.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The pure functions of {@code stdlib/core.aegis}: lists, maps, strings, numbers and the environment. */
public final class CoreModule implements BuiltinModule {
  @Override
  public String name() { return "core"; }

  @Extern("service")
  public Value service(CallContext ctx, Args a) {
    var env = a.record(0);
    String name = a.string(1);
    var services = ((Value.ListV) env.get("services")).items();
    for (var s : services) if (s instanceof Value.Rec r && r.get("name") instanceof Value.Str n && n.value().equals(name)) return r;
    var names = services.stream().map(s -> ((Value.Rec) s).get("name").show()).toList();
    throw new AdapterException("core", "environment " + env.get("name").show() + " has no service `" + name
        + "`; it has " + String.join(", ", names));
  }

  // ------------------------------------------------------------------ lists

  @Extern("size")
  public Value size(CallContext ctx, Args a) { return new Value.Int(a.list(0).size()); }

  @Extern("isEmpty")
  public Value isEmpty(CallContext ctx, Args a) { return Value.Bool.of(a.list(0).isEmpty()); }

  @Extern("filter")
  public Value filter(CallContext ctx, Args a) {
    var out = new ArrayList<Value>();
    for (var v : a.list(0)) {
      Value keep = fn(a, 1).call(List.of(v));
      if (keep instanceof Value.Unknown u) return u;
      if (truthy(keep)) out.add(v);
    }
    return new Value.ListV(out);
  }

  @Extern("map")
  public Value map(CallContext ctx, Args a) {
    var out = new ArrayList<Value>();
    for (var v : a.list(0)) out.add(fn(a, 1).call(List.of(v)));
    return new Value.ListV(out);
  }

  @Extern("flatMap")
  public Value flatMap(CallContext ctx, Args a) {
    var out = new ArrayList<Value>();
    for (var v : a.list(0)) {
      Value r = fn(a, 1).call(List.of(v));
      if (r instanceof Value.Unknown u) return u;
      out.addAll(((Value.ListV) r).items());
    }
    return new Value.ListV(out);
  }

  @Extern("any")
  public Value any(CallContext ctx, Args a) {
    for (var v : a.list(0)) {
      Value r = fn(a, 1).call(List.of(v));
      if (r instanceof Value.Unknown u) return u;
      if (truthy(r)) return Value.Bool.TRUE;
    }
    return Value.Bool.FALSE;
  }

  @Extern("all")
  public Value all(CallContext ctx, Args a) {
    for (var v : a.list(0)) {
      Value r = fn(a, 1).call(List.of(v));
      if (r instanceof Value.Unknown u) return u;
      if (!truthy(r)) return Value.Bool.FALSE;
    }
    return Value.Bool.TRUE;
  }

  @Extern("count")
  public Value count(CallContext ctx, Args a) {
    long n = 0;
    for (var v : a.list(0)) {
      Value r = fn(a, 1).call(List.of(v));
      if (r instanceof Value.Unknown u) return u;
      if (truthy(r)) n++;
    }
    return new Value.Int(n);
  }

  @Extern("first")
  public Value first(CallContext ctx, Args a) { return a.list(0).isEmpty() ? Value.Null.INSTANCE : a.list(0).getFirst(); }

  @Extern("find")
  public Value find(CallContext ctx, Args a) {
    for (var v : a.list(0)) {
      Value r = fn(a, 1).call(List.of(v));
      if (r instanceof Value.Unknown u) return u;
      if (truthy(r)) return v;
    }
    return Value.Null.INSTANCE;
  }

  @Extern("contains")
  public Value contains(CallContext ctx, Args a) { return Value.Bool.of(a.list(0).contains(a.get(1))); }

  @Extern("join")
  public Value join(CallContext ctx, Args a) {
    return new Value.Str(String.join(a.string(1), a.list(0).stream().map(Value::show).toList()));
  }

  @Extern("sortBy")
  public Value sortBy(CallContext ctx, Args a) {
    var items = a.list(0);
    var keyed = new ArrayList<Value[]>();
    for (var v : items) {
      Value key = fn(a, 1).call(List.of(v));
      if (key instanceof Value.Unknown u) return u;
      keyed.add(new Value[] {key, v});
    }
    Comparator<Value[]> order = (x, y) -> Values.compare(x[0], y[0]);
    keyed.sort(a.bool(2) ? order.reversed() : order);
    return new Value.ListV(keyed.stream().map(kv -> kv[1]).toList());
  }

  @Extern("reverse")
  public Value reverse(CallContext ctx, Args a) { return new Value.ListV(a.list(0).reversed()); }

  @Extern("take")
  public Value take(CallContext ctx, Args a) {
    var items = a.list(0);
    return new Value.ListV(items.subList(0, (int) Math.max(0, Math.min(items.size(), a.integer(1)))));
  }

  @Extern("distinct")
  public Value distinct(CallContext ctx, Args a) { return new Value.ListV(List.copyOf(new LinkedHashSet<>(a.list(0)))); }

  @Extern("sum")
  public Value sum(CallContext ctx, Args a) {
    long total = 0;
    for (var v : a.list(0)) total = Math.addExact(total, ((Value.Int) v).value());
    return new Value.Int(total);
  }

  @Extern("sumFloat")
  public Value sumFloat(CallContext ctx, Args a) {
    double total = 0;
    for (var v : a.list(0)) total += ((Value.Float) v).value();
    return new Value.Float(total);
  }

  @Extern("max")
  public Value max(CallContext ctx, Args a) {
    return a.list(0).stream().max(Values.ORDER).orElse(Value.Null.INSTANCE);
  }

  @Extern("min")
  public Value min(CallContext ctx, Args a) {
    return a.list(0).stream().min(Values.ORDER).orElse(Value.Null.INSTANCE);
  }

  // ------------------------------------------------------------------ maps

  @Extern("keys")
  public Value keys(CallContext ctx, Args a) { return new Value.ListV(a.map(0).keySet().stream().<Value>map(Value.Str::new).toList()); }

  @Extern("values")
  public Value values(CallContext ctx, Args a) { return new Value.ListV(List.copyOf(a.map(0).values())); }

  @Extern("get")
  public Value get(CallContext ctx, Args a) { return a.map(0).getOrDefault(a.string(1), Value.Null.INSTANCE); }

  @Extern("hasKey")
  public Value hasKey(CallContext ctx, Args a) { return Value.Bool.of(a.map(0).containsKey(a.string(1))); }

  // ------------------------------------------------------------------ strings

  @Extern("startsWith")
  public Value startsWith(CallContext ctx, Args a) { return Value.Bool.of(a.string(0).startsWith(a.string(1))); }

  @Extern("endsWith")
  public Value endsWith(CallContext ctx, Args a) { return Value.Bool.of(a.string(0).endsWith(a.string(1))); }

  @Extern("containsText")
  public Value containsText(CallContext ctx, Args a) { return Value.Bool.of(a.string(0).contains(a.string(1))); }

  @Extern("matches")
  public Value matches(CallContext ctx, Args a) {
    try {
      return Value.Bool.of(Pattern.compile(a.string(1)).matcher(a.string(0)).find());
    } catch (PatternSyntaxException e) {
      throw new AdapterException("core", "`" + a.string(1) + "` is not a valid regular expression: " + e.getDescription());
    }
  }

  @Extern("lower")
  public Value lower(CallContext ctx, Args a) { return new Value.Str(a.string(0).toLowerCase(Locale.ROOT)); }

  @Extern("upper")
  public Value upper(CallContext ctx, Args a) { return new Value.Str(a.string(0).toUpperCase(Locale.ROOT)); }

  @Extern("split")
  public Value split(CallContext ctx, Args a) {
    String sep = a.string(1);
    if (sep.isEmpty()) throw new AdapterException("core", "split needs a non-empty separator");
    return new Value.ListV(List.of(a.string(0).split(Pattern.quote(sep), -1)).stream().<Value>map(Value.Str::new).toList());
  }

  @Extern("lines")
  public Value lines(CallContext ctx, Args a) {
    return new Value.ListV(a.string(0).lines().<Value>map(Value.Str::new).toList());
  }

  @Extern("trim")
  public Value trim(CallContext ctx, Args a) { return new Value.Str(a.string(0).strip()); }

  @Extern("truncate")
  public Value truncate(CallContext ctx, Args a) {
    String s = a.string(0);
    int n = (int) Math.max(0, a.integer(1));
    return new Value.Str(s.length() <= n ? s : s.substring(0, Math.max(0, n - 1)) + "…");
  }

  @Extern("length")
  public Value length(CallContext ctx, Args a) { return new Value.Int(a.string(0).codePointCount(0, a.string(0).length())); }

  // ------------------------------------------------------------------ numbers and units

  @Extern("toFloat")
  public Value toFloat(CallContext ctx, Args a) { return new Value.Float(a.integer(0)); }

  @Extern("toInt")
  public Value toInt(CallContext ctx, Args a) { return new Value.Int((long) a.number(0)); }

  @Extern("round")
  public Value round(CallContext ctx, Args a) {
    double x = a.number(0);
    if (Double.isNaN(x) || Double.isInfinite(x)) return new Value.Float(x);
    return new Value.Float(BigDecimal.valueOf(x).setScale((int) a.integer(1), RoundingMode.HALF_UP).doubleValue());
  }

  @Extern("parseInt")
  public Value parseInt(CallContext ctx, Args a) {
    try {
      return new Value.Int(Long.parseLong(a.string(0).strip()));
    } catch (NumberFormatException e) {
      return Value.Null.INSTANCE;
    }
  }

  @Extern("parseFloat")
  public Value parseFloat(CallContext ctx, Args a) {
    try {
      return new Value.Float(Double.parseDouble(a.string(0).strip()));
    } catch (NumberFormatException e) {
      return Value.Null.INSTANCE;
    }
  }

  @Extern("percent")
  public Value percent(CallContext ctx, Args a) {
    return new Value.Str(String.format(Locale.ROOT, "%.2f%%", a.number(0) * 100));
  }

  @Extern("toSeconds")
  public Value toSeconds(CallContext ctx, Args a) { return new Value.Float(a.duration(0).toNanos() / 1e9); }

  @Extern("fromSeconds")
  public Value fromSeconds(CallContext ctx, Args a) {
    return new Value.Dur(Duration.ofNanos(Math.round(a.number(0) * 1e9)));
  }

  @Extern("amount")
  public Value amount(CallContext ctx, Args a) { return new Value.Float(((Value.Qty) a.get(0)).amount().doubleValue()); }

  private static Value.Fn fn(Args a, int i) { return (Value.Fn) a.get(i); }

  private static boolean truthy(Value v) { return v instanceof Value.Bool b && b.value(); }
}
