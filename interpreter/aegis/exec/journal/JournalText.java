package aegis.exec.journal;

import aegis.exec.journal.JournalRecord.ActionApplied;
import aegis.exec.journal.JournalRecord.ApprovalGranted;
import aegis.exec.journal.JournalRecord.ApprovalWaiting;
import aegis.exec.journal.JournalRecord.CheckResult;
import aegis.exec.journal.JournalRecord.RunFinished;
import aegis.exec.journal.JournalRecord.RunResumed;
import aegis.exec.journal.JournalRecord.RunStarted;
import aegis.exec.journal.JournalRecord.StepFinished;
import aegis.exec.journal.JournalRecord.StepStarted;
import aegis.exec.journal.JournalRecord.Unknown;
import aegis.exec.journal.JournalRecord.WindowOverridden;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Journals for people: the text of {@code aegis runs list} and {@code aegis runs show}, and
 * durations as people write them ({@code 850ms}, {@code 2.3s}, {@code 4m 12s}, {@code 2h 03m}).
 * Everything printed comes from the journal, which holds no secret values.
 */
public final class JournalText {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private JournalText() {}

  /** {@code d} the way people write it, to two units at most. */
  public static String duration(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 1_000) return ms + "ms";
    if (ms < 10_000) return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    long s = ms / 1000;
    if (s < 60) return s + "s";
    if (s < 3600) return (s / 60) + "m " + String.format(Locale.ROOT, "%02ds", s % 60);
    if (s < 86_400) return (s / 3600) + "h " + String.format(Locale.ROOT, "%02dm", s % 3600 / 60);
    return (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
  }

  /** An instant as {@code 2026-11-27 09:15:00Z}, or {@code ?} when unknown. */
  public static String when(Instant at) {
    return at == null ? "?" : WHEN.format(at);
  }

  /**
   * The table of {@code aegis runs list}.
   *
   * @param status the word to show for a run's status (the caller knows more than the journal
   *               about unfinished runs: whether one is running or its process died)
   */
  public static String list(List<RunSummary> runs, Function<RunSummary, String> status) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"RUN", "STATUS", "STARTED", "DURATION", "ENVIRONMENT", "RUNBOOK"});
    for (RunSummary run : runs) {
      rows.add(new String[] {run.runId().value(), status.apply(run), when(run.started()), duration(run.duration()),
          orUnknown(run.environment()), orUnknown(run.runbook())});
    }
    return table(rows);
  }

  /** The report of {@code aegis runs show}: the run's header, then one line per record. */
  public static String show(Journal journal, String status) {
    RunSummary summary = RunSummary.of(journal);
    StringBuilder out = new StringBuilder();
    line(out, "run", journal.runId().value());
    journal.header().ifPresentOrElse(h -> header(out, h),
        () -> line(out, "runbook", "? (the journal has no first record)"));
    line(out, "status", status + " after " + duration(summary.duration()));
    out.append('\n');
    Instant start = summary.started();
    for (JournalRecord record : journal.records()) {
      String offset = start == null || record.at() == null ? "?" : "+" + duration(Duration.between(start, record.at()));
      out.append(String.format(Locale.ROOT, "  %-9s %s\n", offset, describe(record)));
    }
    if (journal.torn()) {
      out.append(String.format(Locale.ROOT, "\nthe journal %s: %d bytes after the last whole record were not read\n",
          journal.tornTail() ? "ends in a torn record (the run's process died while writing it)" : "is damaged",
          journal.totalBytes() - journal.validBytes()));
    }
    return out.toString();
  }

  private static void header(StringBuilder out, RunStarted h) {
    String source = h.runbookPath() + " (sha256 " + abbreviate(h.contentSha256())
        + (h.gitCommit() == null ? "" : ", commit " + abbreviate(h.gitCommit())) + ")";
    line(out, "runbook", source);
    line(out, "environment", h.environment());
    line(out, "started", when(h.at()) + " by " + h.by().user() + "@" + h.by().host() + " (pid " + h.by().pid()
        + "), aegis " + h.aegisVersion());
    if (h.planId() != null) line(out, "plan", h.planId() + (h.planHash() == null ? "" : " " + abbreviate(h.planHash())));
    line(out, "inputs", h.inputs().toString());
  }

  /** One record as one line. */
  public static String describe(JournalRecord record) {
    return switch (record) {
      case RunStarted r -> "run started";
      case RunResumed r -> "run resumed by " + r.by().user() + "@" + r.by().host() + " (pid " + r.by().pid() + ")"
          + ", skipping " + r.skipping().size() + " completed step" + (r.skipping().size() == 1 ? "" : "s")
          + (r.discardedBytes() > 0 ? ", " + r.discardedBytes() + " bytes of a torn record cut off" : "");
      case StepStarted r -> "step " + r.step() + " started" + (r.attempt() > 1 ? " (attempt " + r.attempt() + ")" : "");
      case StepFinished r -> "step " + r.step() + " " + r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
          + " in " + duration(r.duration()) + (r.message() == null ? "" : ": " + r.message());
      case ActionApplied r -> r.effect().keyword() + " " + r.operation() + " " + r.target() + " ("
          + (r.before().isNull() ? "created" : r.after().isNull() ? "deleted" : "changed") + ")";
      case CheckResult r -> "check " + r.condition() + (r.passed() ? " passed"
          : (r.kind() == JournalRecord.CheckKind.FAIL ? " failed" : " warned") + (r.message() == null ? "" : ": " + r.message()));
      case ApprovalWaiting r -> "waiting for approval: " + r.name();
      case ApprovalGranted r -> "approved by " + r.by() + ": " + r.name();
      case WindowOverridden r -> "change window " + r.window() + " overridden by " + r.by() + ": " + r.reason();
      case RunFinished r -> "run " + r.outcome().name().toLowerCase(Locale.ROOT)
          + (r.summary() == null ? "" : ": " + r.summary());
      case Unknown r -> "(a record this version does not know: " + (r.type() == null ? "no type" : r.type()) + ")";
    };
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-12s %s\n", label, value));
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) : hash;
  }

  private static String orUnknown(String text) { return text == null ? "?" : text; }

  private static String table(List<String[]> rows) {
    int[] widths = new int[rows.getFirst().length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) line.append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
