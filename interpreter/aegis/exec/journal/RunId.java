package aegis.exec.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of one run, e.g. {@code 20261127T091500Z-4f3a}: the UTC start second, then random hex.
 * Ids sort by start time as plain strings, which is how {@link RunStore#list} orders runs without
 * reading them. The pattern is checked on every id that comes from outside (the command line),
 * so an id can never name a path outside {@code runs/}.
 *
 * @param value the id as printed and stored
 */
public record RunId(String value) implements Comparable<RunId> {
  private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{4,16}");
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public RunId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("`" + value + "` is not a run id (expected e.g. 20261127T091500Z-4f3a)");
    }
  }

  /** Whether {@code text} is a well-formed run id. */
  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  /** A new id for a run starting at {@code start}, with 16 random bits. */
  public static RunId generate(Instant start, RandomGenerator random) {
    String suffix = HexFormat.of().toHexDigits((short) random.nextInt(1 << 16));
    return new RunId(SECOND.format(start) + "-" + suffix);
  }

  @Override public int compareTo(RunId other) { return value.compareTo(other.value); }

  @Override public String toString() { return value; }
}
