package aegis.prplan;

import aegis.plan.FieldChange;
import aegis.plan.PlannedAction;
import aegis.plan.render.Markdown;
import aegis.plan.render.ValueText;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PrPlanReport} as a pull-request comment: a marker line (so a CI job finds and updates
 * its own comment), a title, a summary table of every affected runbook and environment, then one
 * folded {@code <details>} block per runbook with its changed actions and their field diffs.
 * Values are shown as plans show them: secrets are {@code (sensitive)}, never their values.
 * GitHub refuses comments over 65 536 characters, so the output is kept under a limit: when it
 * does not fit, table rows and details are cut from the end and a notice says how many.
 */
public final class PrPlanMarkdown {
  /** The first line of every comment: the CI job looks for it to update its comment instead of adding one. */
  public static final String MARKER = "<!-- aegis-pr-plan -->";
  /** Below GitHub's 65 536 with room for what a CI job adds around it. */
  public static final int DEFAULT_LIMIT = 60_000;

  private static final int MIN_LIMIT = 4_000;
  private static final int MAX_ACTIONS = 50;
  private static final int MAX_FIELDS = 40;
  private static final int MAX_PROBLEMS = 10;
  private static final int MAX_BECAUSE = 6;
  private static final int TARGET_WIDTH = 100;
  private static final int DESCRIPTION_WIDTH = 160;
  private static final String TABLE_HEAD = "| | runbook | environment | status | actions | added | removed | changed |\n"
      + "|:-:|---|---|---|---:|---:|---:|---:|\n";
  private static final String DETAILS_TITLE = "#### Details\n\n";

  private PrPlanMarkdown() {}

  public static String render(PrPlanReport report) {
    return render(report, DEFAULT_LIMIT);
  }

  /** One runbook's folded details: the opening (summary, why, problems), one chunk per changed action, the closing. */
  private record Block(String open, List<String> chunks, String close) {
    int length() {
      return open.length() + close.length() + chunks.stream().mapToInt(String::length).sum();
    }

    String whole() {
      return open + String.join("", chunks) + close;
    }
  }

  /** The comment, always shorter than {@code limit} characters (at least 4000). */
  public static String render(PrPlanReport report, int limit) {
    if (limit < MIN_LIMIT) throw new IllegalArgumentException("a pr-plan comment needs a limit of at least " + MIN_LIMIT);
    String top = top(report);
    List<String> rows = report.runbooks().stream().map(PrPlanMarkdown::row).toList();
    List<Block> blocks = report.runbooks().stream().map(PrPlanMarkdown::details).filter(b -> b != null).toList();
    String table = rows.isEmpty() ? "" : TABLE_HEAD + String.join("", rows) + "\n";
    String details = blocks.isEmpty() ? "" : DETAILS_TITLE + String.join("", blocks.stream().map(Block::whole).toList());
    if (top.length() + table.length() + details.length() < limit) return top + table + details;

    int actions = blocks.stream().mapToInt(b -> b.chunks().size()).sum();
    String widest = notice(rows.size(), rows.size(), actions, actions, limit);
    int budget = limit - 1 - top.length() - widest.length() - TABLE_HEAD.length() - moreRows(rows.size()).length() - 1
        - DETAILS_TITLE.length();
    var body = new StringBuilder();
    int shownRows = 0;
    for (String row : rows) {
      if (body.length() + row.length() > budget) break;
      body.append(row);
      shownRows++;
    }
    if (shownRows < rows.size()) body.append(moreRows(rows.size() - shownRows));
    body.append('\n');
    var folded = new StringBuilder();
    int shownActions = 0;
    for (Block block : blocks) {
      int room = budget - body.length() - folded.length();
      if (block.length() <= room) {
        folded.append(block.whole());
        shownActions += block.chunks().size();
        continue;
      }
      var part = new StringBuilder(block.open());
      for (String chunk : block.chunks()) {
        if (part.length() + chunk.length() + block.close().length() > room) break;
        part.append(chunk);
        shownActions++;
      }
      if (part.length() + block.close().length() <= room) folded.append(part).append(block.close());
      break;
    }
    String notice = notice(rows.size() - shownRows, rows.size(), actions - shownActions, actions, limit);
    return top + notice + TABLE_HEAD + body + (folded.isEmpty() ? "" : DETAILS_TITLE + folded);
  }

  private static String top(PrPlanReport report) {
    var b = new StringBuilder(MARKER).append('\n');
    b.append("### aegis pr-plan: ").append(title(report)).append("\n\n");
    b.append("Base ").append(Markdown.code(report.base().ref(), false)).append(" (").append(Markdown.code(report.base().shortId(), false))
        .append(") → head ").append(Markdown.code(report.head().ref(), false)).append(" (")
        .append(Markdown.code(report.head().shortId(), false)).append("): ")
        .append(count(report.changedFiles().size(), "file")).append(" changed, ");
    b.append(report.runbooks().isEmpty() ? "no runbook depends on them."
        : count(report.runbooks().size(), "runbook plan") + " affected.");
    b.append("\n\n");
    if (report.offline() && !report.runbooks().isEmpty()) {
      b.append("> [!NOTE]\n> Planned offline: nothing was contacted, and values read from live systems are unknown "
          + "(\"known after apply\"). The plans of the merged commit, made against the live systems, are the ones to apply.\n\n");
    }
    return b.toString();
  }

  private static String title(PrPlanReport report) {
    long changes = report.runbooks().stream().filter(RunbookChange::changesPlan).count();
    long errors = report.count(RunbookChange.Status.ERROR);
    var parts = new ArrayList<String>();
    if (changes > 0) parts.add(changes == 1 ? "1 plan changes" : changes + " plans change");
    if (errors > 0) parts.add(errors == 1 ? "1 runbook fails to plan" : errors + " runbooks fail to plan");
    return parts.isEmpty() ? "no plan changes" : String.join(", ", parts);
  }

  private static String row(RunbookChange r) {
    boolean compared = r.status() != RunbookChange.Status.ERROR && r.status() != RunbookChange.Status.SKIPPED;
    return "| " + Markdown.code(r.status().symbol, true) + " | " + Markdown.code(r.runbook(), true) + " | "
        + Markdown.code(r.environment(), true) + " | " + r.status().word + " | " + actions(r.base()) + " → " + actions(r.head())
        + " | " + (compared ? r.count(ActionChange.Kind.ADDED) : "") + " | " + (compared ? r.count(ActionChange.Kind.REMOVED) : "")
        + " | " + (compared ? r.count(ActionChange.Kind.CHANGED) : "") + " |\n";
  }

  private static String actions(Side side) {
    return side instanceof Side.Planned p ? Integer.toString(p.plan().actions().size()) : "–";
  }

  private static String moreRows(int n) {
    return "| | … | | " + n + " more | | | | |\n";
  }

  private static String notice(int cutRows, int rows, int cutActions, int actions, int limit) {
    var what = new ArrayList<String>();
    if (cutRows > 0) what.add(cutRows + " of " + rows + " rows of the table");
    if (cutActions > 0) what.add(cutActions + " of " + actions + " changed actions");
    return "> [!WARNING]\n> **This comment is too long:** " + (what.isEmpty() ? "some details" : String.join(" and ", what))
        + " are not shown (it is kept under " + limit + " characters). For everything, run `aegis pr-plan` with "
        + "`--format json`, or download the report the CI job keeps.\n\n";
  }

  /** The folded details of a runbook, or null when there is nothing to tell (its plan did not change). */
  private static Block details(RunbookChange r) {
    var head = new StringBuilder(because(r.because()));
    var chunks = new ArrayList<String>();
    switch (r.status()) {
      case UNCHANGED -> { return null; }
      case ERROR -> problems("It does not plan at the head", ((Side.Failed) r.head()).problems(), head);
      case SKIPPED -> head.append("Not planned: ").append(Markdown.text(((Side.Skipped) r.head()).reason())).append("\n\n");
      case CHANGED, ADDED, REMOVED -> {
        if (r.base() instanceof Side.Failed f) problems("It did not plan at the base", f.problems(), head);
        if (r.base() instanceof Side.Skipped s) head.append("Not planned at the base: ").append(Markdown.text(s.reason())).append("\n\n");
        changes(r.changes(), chunks);
      }
    }
    String summary = "<code>" + Markdown.html(r.status().symbol) + "</code> <b>" + Markdown.html(r.runbook()) + "</b> in <b>"
        + Markdown.html(r.environment()) + "</b> — " + Markdown.html(counts(r));
    String more = r.changes().size() > MAX_ACTIONS ? "… and " + (r.changes().size() - MAX_ACTIONS) + " more changed actions\n\n" : "";
    return new Block("<details>\n<summary>" + summary + "</summary>\n\n" + head, chunks, more + "</details>\n\n");
  }

  private static String counts(RunbookChange r) {
    if (r.status() == RunbookChange.Status.ERROR) return "error";
    if (r.status() == RunbookChange.Status.SKIPPED) return "not planned";
    var parts = new ArrayList<String>();
    for (ActionChange.Kind kind : ActionChange.Kind.values()) {
      long n = r.count(kind);
      if (n > 0) parts.add(n + " " + kind.word);
    }
    return parts.isEmpty() ? r.status().word : String.join(", ", parts);
  }

  private static String because(List<String> files) {
    var shown = files.subList(0, Math.min(MAX_BECAUSE, files.size())).stream().map(f -> Markdown.code(f, false)).toList();
    return "Affected by " + String.join(", ", shown) + (files.size() > MAX_BECAUSE ? " and " + (files.size() - MAX_BECAUSE) + " more" : "")
        + ".\n\n";
  }

  private static void problems(String title, List<String> problems, StringBuilder b) {
    b.append(title).append(":\n\n");
    for (String p : problems.subList(0, Math.min(MAX_PROBLEMS, problems.size()))) b.append("- ").append(Markdown.text(p)).append('\n');
    if (problems.size() > MAX_PROBLEMS) b.append("- and ").append(problems.size() - MAX_PROBLEMS).append(" more\n");
    b.append('\n');
  }

  /** One chunk per changed action (at most {@link #MAX_ACTIONS}); the first of each step names the step. */
  private static void changes(List<ActionChange> changes, List<String> chunks) {
    String step = null;
    for (ActionChange c : changes.subList(0, Math.min(MAX_ACTIONS, changes.size()))) {
      var b = new StringBuilder();
      if (!c.step().equals(step)) {
        step = c.step();
        b.append("Step **").append(Markdown.text(step)).append("**\n\n");
      }
      action(c, b);
      chunks.add(b.toString());
    }
  }

  private static void action(ActionChange c, StringBuilder b) {
    PlannedAction a = c.action();
    String verb = ValueText.verb(a);
    if (c.kind() == ActionChange.Kind.CHANGED && c.before().operation() != a.operation()) verb = ValueText.verb(c.before()) + " → " + verb;
    b.append(Markdown.code(c.kind().symbol, false)).append(" **").append(c.kind().word).append("**: ").append(verb).append(' ')
        .append(Markdown.code(cut(a.target().display(), TARGET_WIDTH), false));
    if (a.destructive()) b.append(" · **destructive**");
    if (a.conditional() != null) b.append(" · conditional");
    if (saysMore(a)) b.append(" — ").append(Markdown.text(cut(a.description(), DESCRIPTION_WIDTH)));
    b.append("\n\n");
    if (c.fields().isEmpty()) return;
    b.append("```diff\n");
    for (FieldChange f : c.fields().subList(0, Math.min(MAX_FIELDS, c.fields().size()))) diffLines(f, b);
    if (c.fields().size() > MAX_FIELDS) b.append("# … ").append(c.fields().size() - MAX_FIELDS).append(" more field changes\n");
    b.append("```\n\n");
  }

  /**
   * Whether an action's description tells more than its diff: an adapter's own line
   * ({@code VACUUM ANALYZE aegisshield: 14 tables}) does; the {@code call(arguments)} line of an
   * action planned without a preview (offline) only repeats the arguments the diff shows.
   */
  private static boolean saysMore(PlannedAction a) {
    return a.description() != null && !a.description().isBlank() && !a.description().startsWith(a.call() + "(");
  }

  /** GitHub colours {@code +} and {@code -} lines in a diff block, so a change becomes both. */
  private static void diffLines(FieldChange f, StringBuilder b) {
    String path = ValueText.path(f);
    switch (f.kind()) {
      case ADDED -> b.append("+ ").append(path).append(": ").append(ValueText.of(f.after(), ValueText.VALUE_WIDTH)).append('\n');
      case REMOVED -> b.append("- ").append(path).append(": ").append(ValueText.of(f.before(), ValueText.VALUE_WIDTH)).append('\n');
      case CHANGED -> b.append("- ").append(path).append(": ").append(ValueText.of(f.before(), ValueText.VALUE_WIDTH)).append('\n')
          .append("+ ").append(path).append(": ").append(ValueText.of(f.after(), ValueText.VALUE_WIDTH)).append('\n');
    }
  }

  private static String cut(String s, int width) {
    String line = s.replace('\n', ' ').replace('\r', ' ');
    return line.length() <= width ? line : line.substring(0, width - 1) + "…";
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
