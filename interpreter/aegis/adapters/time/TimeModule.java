package aegis.adapters.time;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Extern;
import aegis.eval.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** {@code stdlib/time.aegis}: the clock, instants as ISO-8601 strings, and change windows. */
public final class TimeModule implements BuiltinModule {
  private final Clock clock;

  public TimeModule() { this(Clock.systemUTC()); }

  public TimeModule(Clock clock) { this.clock = clock; }

  @Override
  public String name() { return "time"; }

  @Extern("now")
  public Value now(CallContext ctx, Args a) { return new Value.Str(iso(clock.instant())); }

  @Extern("since")
  public Value since(CallContext ctx, Args a) { return new Value.Dur(Duration.between(instant(a.string(0)), clock.instant())); }

  @Extern("between")
  public Value between(CallContext ctx, Args a) { return new Value.Dur(Duration.between(instant(a.string(0)), instant(a.string(1)))); }

  @Extern("plus")
  public Value plus(CallContext ctx, Args a) { return new Value.Str(iso(instant(a.string(0)).plus(a.duration(1)))); }

  @Extern("format")
  public Value format(CallContext ctx, Args a) {
    try {
      return new Value.Str(DateTimeFormatter.ofPattern(a.string(1)).withZone(ZoneOffset.UTC).format(instant(a.string(0))));
    } catch (IllegalArgumentException e) {
      throw new AdapterException("time", "`" + a.string(1) + "` is not a date-time pattern: " + e.getMessage());
    }
  }

  @Extern("isOpen")
  public Value isOpen(CallContext ctx, Args a) { return Value.Bool.of(window(a).isOpen(clock.instant())); }

  @Extern("nextOpening")
  public Value nextOpening(CallContext ctx, Args a) { return new Value.Str(iso(window(a).nextOpening(clock.instant()))); }

  @Extern("describe")
  public Value describe(CallContext ctx, Args a) { return new Value.Str(window(a).describe()); }

  private static ChangeWindow window(Args a) {
    try {
      return ChangeWindow.from(a.record(0));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new AdapterException("time", "bad change window: " + e.getMessage());
    }
  }

  static String iso(Instant i) { return i.truncatedTo(ChronoUnit.SECONDS).toString(); }

  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new AdapterException("time", "`" + text + "` is not an ISO-8601 instant such as 2026-11-14T02:00:00Z");
    }
  }
}
