package aegis.cli;

import java.util.Map;

/**
 * Every exit status of {@code aegis}, in one place: the commands return these, {@code --help}
 * lists them, and the README's table is copied from {@link #describe()}.
 */
public enum ExitCode {
  OK(0, "success (warnings may have been reported)"),
  /** Only with {@code plan --detailed-exitcode}, and from {@code pr-plan}. */
  CHANGES_PENDING(2, "with plan --detailed-exitcode: the plan has changes to apply; from pr-plan: a plan changes"),
  /** A run stopped at an {@code approve} gate or before a destructive call. */
  WAITING(5, "the run is waiting for approval: resume it with aegis resume RUN_ID --approve NAME"),
  FAILURE(1, "errors were found, or the command failed (a step, check or fail stopped the run)"),
  /** The environment is locked, the saved plan is stale, or the change window is closed. */
  REFUSED(4, "refused: the environment is locked by another run, the saved plan is stale, the apply "
      + "was not confirmed, or a git runbook's signature was refused (--require-signed)"),
  USAGE(2, "usage error: unknown command or option, missing or bad argument"),
  BAD_INPUT(3, "an input cannot be used: a path that is missing or unreadable, a directory with no "
      + "aegis source, a binary or non-UTF-8 file, or one over 8 MiB; a git runbook whose remote, ref or path "
      + "cannot be read"),
  /** Returned by the {@code ./aegis} launcher before any Java runs, and by sandbox runs without the sandbox's classpath. */
  UNAVAILABLE(69, "./aegis could not find a JDK 21+ or could not build the jar, or the sandbox's libraries are not "
      + "on the classpath"),
  INTERNAL(70, "internal error (a bug in aegis): the message names the file holding the full trace");

  private final int code;
  private final String description;

  ExitCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  public int code() { return code; }

  public String description() { return description; }

  /**
   * The worse of two outcomes, for a command that meets several (the constants are declared from
   * best to worst): one unusable input file makes {@code check} exit 3 even if others had errors.
   */
  public ExitCode worst(ExitCode other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Status to description, in order, for the {@code Exit codes:} section of {@code --help}. */
  public static Map<String, String> describe() {
    // Not Comparator.comparingInt: its lambdas are serializable, and the AOT cache does not keep
    // those; the first one of a run makes the JVM generate classes (~15 ms of a cold `check`).
    Map<String, String> all = new java.util.TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    for (ExitCode c : values()) all.merge(Integer.toString(c.code), c.description, (a, b) -> b + "; " + a);
    return all;
  }
}
