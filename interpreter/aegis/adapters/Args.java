package aegis.adapters;

import aegis.eval.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a built-in call, in declaration order with defaults filled in, already
 * type-checked against the stdlib declaration: the accessors cast, they do not validate.
 */
public record Args(String function, List<Value> values) {
  public Args { values = List.copyOf(values); }

  public Value get(int i) { return values.get(i); }

  public boolean isNull(int i) { return values.get(i) == Value.Null.INSTANCE; }

  public String string(int i) { return ((Value.Str) values.get(i)).value(); }

  public long integer(int i) { return ((Value.Int) values.get(i)).value(); }

  public double number(int i) {
    return switch (values.get(i)) {
      case Value.Float f -> f.value();
      case Value.Int n -> n.value();
      default -> throw new ClassCastException(function + ": argument " + i + " is not a number");
    };
  }

  public boolean bool(int i) { return ((Value.Bool) values.get(i)).value(); }

  public Duration duration(int i) { return ((Value.Dur) values.get(i)).value(); }

  /** A Secret argument; a String passed where a Secret is expected arrives as a String. */
  public String secret(int i) {
    return switch (values.get(i)) {
      case Value.Secret s -> s.reveal();
      case Value.Str s -> s.value();
      default -> throw new ClassCastException(function + ": argument " + i + " is not a secret");
    };
  }

  public Value.Rec record(int i) { return (Value.Rec) values.get(i); }

  public List<Value> list(int i) { return ((Value.ListV) values.get(i)).items(); }

  public Map<String, Value> map(int i) { return ((Value.MapV) values.get(i)).entries(); }
}
