package aegis.adapters.time;

import aegis.eval.Durations;
import aegis.eval.Value;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recurring change window ({@code core.Window}): opens on given weekdays, optionally only on the
 * n-th (or last) such day of the month, at a time of day in a time zone, for a length of time.
 * The guide's "second Saturday of each month, 02:00 UTC" is {@code days [Saturday], weekOfMonth 2, 02:00 UTC}.
 */
public record ChangeWindow(Set<DayOfWeek> days, Integer weekOfMonth, int hour, int minute, Duration length, ZoneId zone) {
  private static final int SEARCH_DAYS = 400;

  public ChangeWindow {
    if (days.isEmpty()) throw new IllegalArgumentException("a change window needs at least one day");
    if (weekOfMonth != null && weekOfMonth != -1 && (weekOfMonth < 1 || weekOfMonth > 5)) {
      throw new IllegalArgumentException("weekOfMonth must be 1 to 5, or -1 for the last, not " + weekOfMonth);
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      throw new IllegalArgumentException("the window opens at " + hour + ":" + minute + ", which is not a time of day");
    }
    if (length.isNegative() || length.isZero()) throw new IllegalArgumentException("a change window must last a while");
  }

  /** From a {@code Window} record value. */
  public static ChangeWindow from(Value.Rec w) {
    var days = EnumSet.noneOf(DayOfWeek.class);
    for (var d : ((Value.ListV) w.get("days")).items()) {
      days.add(DayOfWeek.valueOf(((Value.EnumV) d).member().toUpperCase(Locale.ROOT)));
    }
    Integer week = w.get("weekOfMonth") instanceof Value.Int i ? (int) i.value() : null;
    int minute = w.get("minute") instanceof Value.Int m ? (int) m.value() : 0;
    String zone = w.get("timezone") instanceof Value.Str z ? z.value() : "UTC";
    return new ChangeWindow(days, week, (int) ((Value.Int) w.get("hour")).value(), minute,
        ((Value.Dur) w.get("length")).value(), ZoneId.of(zone));
  }

  public boolean isOpen(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    long daysBack = Math.max(1, length.toDays() + 1);
    for (long back = 0; back <= daysBack; back++) {
      LocalDate day = today.minusDays(back);
      if (!opensOn(day)) continue;
      Instant opening = opening(day);
      if (!now.isBefore(opening) && now.isBefore(opening.plus(length))) return true;
    }
    return false;
  }

  /** When it next opens: {@code now} itself if it is open. */
  public Instant nextOpening(Instant now) {
    if (isOpen(now)) return now;
    LocalDate day = now.atZone(zone).toLocalDate();
    for (int i = 0; i <= SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (opensOn(day) && opening(day).isAfter(now)) return opening(day);
    }
    throw new IllegalArgumentException("this window never opens: " + describe());
  }

  /** "second Saturday of each month, 02:00 UTC, for 4h" */
  public String describe() {
    var names = new ArrayList<String>();
    for (var d : days) names.add(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    String which = weekOfMonth == null ? "every " + String.join(" and ", names)
        : ordinal(weekOfMonth) + " " + String.join(" and ", names) + " of each month";
    return String.format(Locale.ROOT, "%s, %02d:%02d %s, for %s", which, hour, minute, zone.getId(), Durations.format(length));
  }

  private boolean opensOn(LocalDate day) {
    if (!days.contains(day.getDayOfWeek())) return false;
    if (weekOfMonth == null) return true;
    if (weekOfMonth == -1) return day.getDayOfMonth() + 7 > day.lengthOfMonth();
    return (day.getDayOfMonth() - 1) / 7 + 1 == weekOfMonth;
  }

  private Instant opening(LocalDate day) {
    return ZonedDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), hour, minute, 0, 0, zone).toInstant();
  }

  private static String ordinal(int n) {
    return switch (n) {
      case -1 -> "last";
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      case 4 -> "fourth";
      default -> "fifth";
    };
  }

}
