package aegis.plan.render;

import aegis.plan.FieldChange;
import aegis.plan.Fingerprints;
import aegis.plan.Plan;
import aegis.plan.PlanDiagnostic;
import aegis.plan.PlanSummary;
import aegis.plan.PlannedAction;
import aegis.plan.PlannedStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as a pull-request comment: the summary table first, then per-step details folded in
 * {@code <details>} blocks with diffs in {@code diff} code blocks. GitHub refuses comments over
 * 65 536 characters, so the output is kept under {@link Options#limit} characters: when the whole
 * plan does not fit, whole action details are cut from the end and a notice says how many actions
 * and steps are not shown and how to get the full plan.
 */
public final class MarkdownRenderer {
  /** The default limit: below GitHub's 65 536 with room for text a CI job puts around the plan. */
  public static final int DEFAULT_LIMIT = 60_000;

  private static final int MAX_DIFF_LINES = 100;
  private static final int MAX_LISTED = 10;
  private static final int MAX_INPUTS = 50;
  private static final int MAX_DIAGNOSTICS = 20;
  private static final int INPUT_WIDTH = 80;

  /**
   * @param limit        the output is always shorter than this many characters
   * @param fullPlanHint how a reader gets the whole plan when details are cut (Markdown)
   */
  public record Options(int limit, String fullPlanHint) {
    public Options {
      if (limit < 4_000) throw new IllegalArgumentException("a Markdown plan needs a limit of at least 4000 characters");
    }

    public static Options defaults() {
      return new Options(DEFAULT_LIMIT, "run `aegis plan` with `--format json` (or `--format text`), or download the plan artifact of this run");
    }
  }

  /** One step's folded block: its opening, one chunk per action, its closing. */
  private record Block(String open, List<String> actions, String close, boolean hasActions) {
    int length() {
      return open.length() + close.length() + actions.stream().mapToInt(String::length).sum();
    }
  }

  private MarkdownRenderer() {}

  public static String render(Plan plan) {
    return render(plan, Options.defaults());
  }

  public static String render(Plan plan, Options options) {
    List<Block> blocks = plan.steps().stream().map(s -> block(s, plan.actionsOf(s))).toList();
    String stepsTitle = blocks.isEmpty() ? "" : "#### Steps\n\n";
    String head = head(plan, "");
    int full = head.length() + stepsTitle.length() + blocks.stream().mapToInt(Block::length).sum();
    if (full < options.limit()) return head + stepsTitle + String.join("", blocks.stream().map(MarkdownRenderer::whole).toList());

    int totalActions = plan.actions().size();
    String widestNotice = notice(totalActions, totalActions, blocks.size(), blocks.size(), options);
    int budget = options.limit() - 1 - head(plan, widestNotice).length() - stepsTitle.length();
    var body = new StringBuilder();
    int shownActions = 0;
    int shownSteps = 0;
    boolean cutting = false;
    for (Block block : blocks) {
      if (cutting) break;
      if (!block.hasActions()) {
        if (body.length() + block.length() > budget) break;
        body.append(whole(block));
        shownSteps++;
        continue;
      }
      int taken = 0;
      var part = new StringBuilder(block.open());
      for (String action : block.actions()) {
        if (body.length() + part.length() + action.length() + block.close().length() > budget) {
          cutting = true;
          break;
        }
        part.append(action);
        taken++;
      }
      if (taken == 0) break;
      body.append(part).append(block.close());
      shownActions += taken;
      if (taken == block.actions().size()) shownSteps++;
    }
    String notice = notice(totalActions - shownActions, totalActions, blocks.size() - shownSteps, blocks.size(), options);
    return head(plan, notice) + stepsTitle + body;
  }

  private static String whole(Block b) {
    return b.open() + String.join("", b.actions()) + b.close();
  }

  private static String notice(int cutActions, int actions, int cutSteps, int steps, Options options) {
    return "> [!WARNING]\n> **This plan is too long for one comment:** " + cutActions + " of " + actions
        + " actions in " + cutSteps + " of " + steps + " steps are not shown (the comment is kept under "
        + options.limit() + " characters). For the full plan, " + options.fullPlanHint() + ".\n\n";
  }

  private static String head(Plan plan, String notice) {
    var b = new StringBuilder();
    b.append("### aegis plan: ").append(Markdown.code(plan.runbook().path(), false)).append(" on ")
        .append(Markdown.code(plan.environment().name(), false)).append("\n\n");
    PlanSummary s = plan.summary();
    b.append("| create | change | delete | run | destructive | unchanged | conditional |\n");
    b.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    b.append("| ").append(s.create()).append(" | ").append(s.change()).append(" | ").append(s.delete()).append(" | ")
        .append(s.run()).append(" | ").append(s.destructive()).append(" | ").append(s.unchanged()).append(" | ")
        .append(s.conditional()).append(" |\n\n");
    b.append(s.hasChanges() ? "**Plan: " + s.describe() + ".**" : "**No changes.** The live state matches the runbook.").append("\n\n");
    destructive(plan, b);
    if (plan.offline()) {
      b.append("> [!NOTE]\n> Planned with `--offline`: nothing was contacted and every live read is unknown; this plan cannot be applied.\n\n");
    }
    b.append(notice);
    meta(plan, b);
    inputs(plan, b);
    diagnostics(plan.diagnostics(), b);
    return b.toString();
  }

  private static void destructive(Plan plan, StringBuilder b) {
    List<PlannedAction> risky = plan.actions().stream().filter(a -> a.destructive() && a.changes()).toList();
    if (risky.isEmpty()) return;
    b.append("> [!CAUTION]\n> **").append(risky.size()).append(risky.size() == 1 ? " destructive action needs" : " destructive actions need")
        .append(" approval before apply:**\n");
    for (PlannedAction a : risky.subList(0, Math.min(MAX_LISTED, risky.size()))) {
      b.append("> - ").append(Markdown.code(ValueText.symbol(a) + " " + ValueText.verb(a) + " " + a.target().display(), false));
      if (a.description() != null) b.append(" — ").append(Markdown.text(a.description()));
      b.append('\n');
    }
    if (risky.size() > MAX_LISTED) b.append("> - and ").append(risky.size() - MAX_LISTED).append(" more\n");
    b.append('\n');
  }

  private static void meta(Plan plan, StringBuilder b) {
    var rb = plan.runbook();
    b.append("<sub>runbook <code>").append(Markdown.html(rb.path())).append("</code> · sha256 <code>")
        .append(Markdown.html(Fingerprints.shortHash(rb.sha256()))).append("</code>");
    if (rb.gitCommit() != null) b.append(" · commit <code>").append(Markdown.html(ValueText.commit(rb.gitCommit()))).append("</code>");
    b.append(" · environment <code>").append(Markdown.html(plan.environment().name())).append("</code> · plan <code>")
        .append(Markdown.html(plan.id())).append("</code> · ").append(plan.createdAt());
    if (plan.aegisVersion() != null) b.append(" · aegis ").append(Markdown.html(plan.aegisVersion()));
    b.append("</sub>\n\n");
  }

  private static void inputs(Plan plan, StringBuilder b) {
    var values = plan.inputs().values();
    if (values.isEmpty()) return;
    b.append("<details><summary>Inputs (").append(values.size()).append(")</summary>\n\n| input | value |\n|---|---|\n");
    int n = 0;
    for (var names = values.fieldNames(); names.hasNext() && n < MAX_INPUTS; n++) {
      String name = names.next();
      b.append("| ").append(Markdown.code(name, true)).append(" | ")
          .append(Markdown.code(ValueText.of(values.get(name), INPUT_WIDTH), true)).append(" |\n");
    }
    if (values.size() > MAX_INPUTS) b.append("| … | ").append(values.size() - MAX_INPUTS).append(" more |\n");
    b.append("\n</details>\n\n");
  }

  private static void diagnostics(List<PlanDiagnostic> diagnostics, StringBuilder b) {
    if (diagnostics.isEmpty()) return;
    b.append("**Diagnostics**\n\n");
    for (PlanDiagnostic d : diagnostics.subList(0, Math.min(MAX_DIAGNOSTICS, diagnostics.size()))) {
      b.append("- ").append(d.severity()).append(' ').append(Markdown.code(d.code(), false));
      if (d.location() != null) b.append(' ').append(Markdown.code(d.location(), false));
      b.append(": ").append(Markdown.text(d.message())).append('\n');
    }
    if (diagnostics.size() > MAX_DIAGNOSTICS) b.append("- and ").append(diagnostics.size() - MAX_DIAGNOSTICS).append(" more\n");
    b.append('\n');
  }

  private static Block block(PlannedStep step, List<PlannedAction> actions) {
    String effect = step.effect().keyword();
    if (actions.isEmpty()) {
      return new Block("<code>=</code> " + Markdown.text(step.name()) + " (" + effect + ") — no changes<br>\n", List.of(), "", false);
    }
    var symbols = actions.stream().filter(PlannedAction::changes).map(ValueText::symbol).distinct().toList();
    String symbol = symbols.contains("!") ? "!" : symbols.isEmpty() ? "=" : symbols.size() == 1 ? symbols.getFirst() : "~";
    String open = "<details>\n<summary><code>" + symbol + "</code> <b>" + Markdown.html(step.name()) + "</b> (" + effect
        + ") — " + Markdown.html(ValueText.counts(PlanSummary.of(actions))) + "</summary>\n\n";
    List<String> chunks = new ArrayList<>();
    for (PlannedAction a : actions) chunks.add(action(a));
    return new Block(open, chunks, "</details>\n\n", true);
  }

  private static String action(PlannedAction a) {
    var b = new StringBuilder();
    b.append("**").append(Markdown.code(ValueText.symbol(a) + " " + ValueText.verb(a), false)).append("** ")
        .append(Markdown.code(a.target().display(), false));
    if (a.destructive() && a.changes()) b.append(" · **destructive: needs approval**");
    if (a.description() != null && !a.description().isBlank()) b.append(" — ").append(Markdown.text(a.description()));
    b.append("\n\n");
    if (a.conditional() != null) b.append("> conditional, ").append(Markdown.text(a.conditional().describe())).append("\n\n");
    if (!a.diff().isEmpty()) {
      b.append("```diff\n");
      List<FieldChange> shown = a.diff().subList(0, Math.min(MAX_DIFF_LINES, a.diff().size()));
      for (FieldChange c : shown) diffLines(c, b);
      if (a.diff().size() > MAX_DIFF_LINES) b.append("# … ").append(a.diff().size() - MAX_DIFF_LINES).append(" more field changes\n");
      b.append("```\n\n");
    }
    return b.toString();
  }

  /** GitHub colours {@code +} and {@code -} lines in a diff block, so a change becomes both. */
  private static void diffLines(FieldChange c, StringBuilder b) {
    String path = ValueText.path(c);
    switch (c.kind()) {
      case ADDED -> b.append("+ ").append(path).append(": ").append(ValueText.of(c.after(), ValueText.VALUE_WIDTH)).append('\n');
      case REMOVED -> b.append("- ").append(path).append(": ").append(ValueText.of(c.before(), ValueText.VALUE_WIDTH)).append('\n');
      case CHANGED -> b.append("- ").append(path).append(": ").append(ValueText.of(c.before(), ValueText.VALUE_WIDTH)).append('\n')
          .append("+ ").append(path).append(": ").append(ValueText.of(c.after(), ValueText.VALUE_WIDTH)).append('\n');
    }
  }
}
