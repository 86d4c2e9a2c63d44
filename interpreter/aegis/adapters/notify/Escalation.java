package aegis.adapters.notify;

import aegis.eval.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's alert escalation matrix applied to one incident: which mails and posts one
 * severity calls for. The plan shows exactly these notices and the apply sends exactly them.
 */
public final class Escalation {
  private Escalation() {}

  /** The guide's severities: Critical is P0, High P1, Medium P2, Low P3. */
  public enum Severity {
    Critical, High, Medium, Low;

    /** {@code P0} for Critical ... {@code P3} for Low. */
    public String priority() { return "P" + ordinal(); }

    /** {@code [P0 Critical]}. */
    public String tag() { return "[" + priority() + " " + name() + "]"; }
  }

  /** One row of the matrix (a core {@code EscalationLevel}). */
  public record Level(Duration responseTime, List<String> path, List<String> contacts, String slackChannel,
                      boolean page, boolean businessHoursOnly) {
    public Level {
      path = List.copyOf(path);
      contacts = List.copyOf(contacts);
    }
  }

  /**
   * The notices for an incident: a mail to the level's contacts (if any), a post to its channel,
   * and, when the level pages, an {@code @here} page in {@code productionChannel} (folded into the
   * post when that is the same channel).
   */
  public static List<Notice> notices(String environment, Severity severity, Level level, String oncallPhone,
                                     String productionChannel, String subject, String body) {
    var footer = footer(environment, severity, level, oncallPhone);
    var notices = new ArrayList<Notice>();
    if (!level.contacts().isEmpty()) {
      notices.add(new Notice.ByMail(new Mail(level.contacts(), severity.tag() + " " + subject,
          body + "\n\n-- \n" + String.join("\n", footer) + "\n")));
    }
    var headline = "*" + severity.tag() + " " + subject + "* (" + environment + ")";
    var post = headline + "\n" + body + "\n_" + String.join(" · ", footer) + "_";
    boolean pageHere = level.page() && level.slackChannel().equals(productionChannel);
    notices.add(new Notice.ToChannel(level.slackChannel(), pageHere ? "<!here> " + post : post));
    if (level.page() && !pageHere) {
      notices.add(new Notice.ToChannel(productionChannel, "<!here> on-call page: " + headline + ", respond within "
          + Durations.format(level.responseTime()) + "; details in " + level.slackChannel()));
    }
    return notices;
  }

  private static List<String> footer(String environment, Severity severity, Level level, String oncallPhone) {
    var lines = new ArrayList<String>();
    lines.add("Severity " + severity.name() + " (" + severity.priority() + "): respond within "
        + Durations.format(level.responseTime()) + (level.businessHoursOnly() ? ", during business hours" : ""));
    if (!level.path().isEmpty()) lines.add("Escalation path: " + String.join(" → ", level.path()));
    if (oncallPhone != null && !oncallPhone.isBlank()) lines.add("On-call: " + oncallPhone);
    lines.add("Environment " + environment + ", sent by aegis");
    return lines;
  }
}
