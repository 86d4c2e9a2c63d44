package aegis.eval;

import java.util.Comparator;

/** Orderings of values, shared by the operators and by built-ins such as {@code sortBy} and {@code max}. */
public final class Values {
  private Values() {}

  /** Compares two values of one ordered type (numbers, durations, quantities, strings). */
  public static int compare(Value l, Value r) {
    return switch (l) {
      case Value.Int a when r instanceof Value.Int b -> Long.compare(a.value(), b.value());
      case Value.Float a when r instanceof Value.Float b -> Double.compare(a.value(), b.value());
      case Value.Dur a when r instanceof Value.Dur b -> a.value().compareTo(b.value());
      case Value.Qty a when r instanceof Value.Qty b -> a.amount().compareTo(b.amount());
      case Value.Str a when r instanceof Value.Str b -> a.value().compareTo(b.value());
      case Value.Bool a when r instanceof Value.Bool b -> Boolean.compare(a.value(), b.value());
      case Value.EnumV a when r instanceof Value.EnumV b -> a.member().compareTo(b.member());
      default -> throw new IllegalArgumentException("cannot compare " + l.show() + " with " + r.show());
    };
  }

  public static final Comparator<Value> ORDER = Values::compare;
}
