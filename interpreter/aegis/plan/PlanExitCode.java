package aegis.plan;

/**
 * Exit codes of {@code aegis plan}. Without {@code --detailed-exitcode} a plan that was made exits
 * {@link #SUCCESS} whatever it contains; with it, {@link #CHANGES} tells CI that applying would
 * change something. {@link #ERROR} whenever planning failed.
 */
public final class PlanExitCode {
  /** The plan was made; with {@code --detailed-exitcode}: and it changes nothing. */
  public static final int SUCCESS = 0;
  /** Planning failed (or the plan holds errors). */
  public static final int ERROR = 1;
  /** With {@code --detailed-exitcode}: the plan was made and applying it would change something. */
  public static final int CHANGES = 2;

  private PlanExitCode() {}

  /** The exit code for a plan that was made; {@code detailed} is {@code --detailed-exitcode}. */
  public static int of(Plan plan, boolean detailed) {
    if (plan.hasErrors()) return ERROR;
    return detailed && plan.hasChanges() ? CHANGES : SUCCESS;
  }
}
