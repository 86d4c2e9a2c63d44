package aegis.plan.render;

import aegis.plan.FieldChange;
import aegis.plan.Fingerprints;
import aegis.plan.Plan;
import aegis.plan.PlanDiagnostic;
import aegis.plan.PlanSummary;
import aegis.plan.PlannedAction;
import aegis.plan.PlannedStep;
import aegis.syntax.ast.Effect;
import java.util.List;

/**
 * A plan for a terminal, in the manner of {@code terraform plan}: each step with its actions
 * ({@code + create}, {@code ~ update}, {@code - delete}, {@code > run}, {@code ! destructive},
 * {@code = unchanged}), field changes indented under them, a summary line last. ANSI colour only
 * when asked for (the CLI asks on a terminal without {@code NO_COLOR}).
 */
public final class TextRenderer {
  private static final int INPUT_WIDTH = 80;

  private final boolean color;
  private final StringBuilder out = new StringBuilder();

  private TextRenderer(boolean color) {
    this.color = color;
  }

  public static String render(Plan plan, boolean color) {
    return new TextRenderer(color).plan(plan);
  }

  private String plan(Plan plan) {
    header(plan);
    for (PlannedStep step : plan.steps()) step(step, plan.actionsOf(step));
    warnings(plan.diagnostics());
    out.append('\n').append(summaryLine(plan.summary())).append('\n');
    return out.toString();
  }

  private void header(Plan plan) {
    var rb = plan.runbook();
    out.append(paint(Ansi.BOLD, "Plan for " + rb.path() + " on environment " + plan.environment().name())).append('\n');
    out.append("  runbook  sha256 ").append(Fingerprints.shortHash(rb.sha256()));
    if (rb.gitCommit() != null) out.append("  commit ").append(ValueText.commit(rb.gitCommit()));
    int deps = rb.dependencies().size();
    if (deps > 0) out.append("  and ").append(deps).append(deps == 1 ? " file it uses" : " files it uses");
    out.append('\n');
    out.append("  plan     ").append(plan.id()).append("  created ").append(plan.createdAt());
    if (plan.aegisVersion() != null) out.append("  aegis ").append(plan.aegisVersion());
    out.append('\n');
    var values = plan.inputs().values();
    for (var names = values.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      out.append("  input    ").append(name).append(" = ").append(ValueText.of(values.get(name), INPUT_WIDTH)).append('\n');
    }
    if (plan.offline()) {
      out.append(paint(Ansi.YELLOW, "  offline: nothing was contacted and every read is unknown; this plan cannot be applied")).append('\n');
    }
  }

  private void step(PlannedStep step, List<PlannedAction> actions) {
    out.append('\n').append(paint(Ansi.BOLD, "Step \"" + step.name() + "\"")).append(" (").append(step.effect().keyword()).append(')');
    if (step.location() != null) out.append("  ").append(paint(Ansi.DIM, step.location()));
    out.append('\n');
    if (actions.isEmpty()) {
      out.append("  ").append(paint(Ansi.DIM, step.effect().compareTo(Effect.WRITE) < 0 ? "no changes (reads only)" : "no changes")).append('\n');
      return;
    }
    for (PlannedAction a : actions) action(a);
  }

  private void action(PlannedAction a) {
    String symbol = ValueText.symbol(a);
    Ansi tone = tone(symbol);
    out.append("  ").append(paint(tone, symbol + " " + ValueText.verb(a))).append(' ').append(a.target().display());
    if (a.destructive() && a.changes()) out.append(paint(tone, " (destructive: needs approval)"));
    out.append('\n');
    if (a.description() != null && !a.description().isBlank()) out.append("      ").append(a.description()).append('\n');
    for (FieldChange c : a.diff()) {
      String line = ValueText.line(c);
      out.append("      ").append(paint(tone(line.substring(0, 1)), line.substring(0, 1))).append(line.substring(1)).append('\n');
    }
    if (a.conditional() != null) {
      out.append("      ").append(paint(Ansi.CYAN, "? " + a.conditional().describe())).append('\n');
    }
  }

  private void warnings(List<PlanDiagnostic> diagnostics) {
    if (diagnostics.isEmpty()) return;
    out.append('\n').append(paint(Ansi.BOLD, "Diagnostics:")).append('\n');
    for (PlanDiagnostic d : diagnostics) {
      Ansi tone = d.error() ? Ansi.RED : Ansi.YELLOW;
      out.append("  ").append(paint(tone, d.severity() + "[" + d.code() + "]"));
      if (d.location() != null) out.append(' ').append(d.location()).append(':');
      out.append(' ').append(d.message()).append('\n');
      for (String hint : d.hints()) out.append("      hint: ").append(hint).append('\n');
    }
  }

  private String summaryLine(PlanSummary s) {
    if (!s.hasChanges()) return paint(Ansi.BOLD, "No changes.") + " The live state matches the runbook.";
    return paint(Ansi.BOLD, "Plan:") + " " + s.describe() + "." + (s.unchanged() > 0 ? " " + s.unchanged() + " unchanged." : "");
  }

  private static Ansi tone(String symbol) {
    return switch (symbol) {
      case "+" -> Ansi.GREEN;
      case "~" -> Ansi.YELLOW;
      case "-" -> Ansi.RED;
      case ">" -> Ansi.CYAN;
      case "!" -> Ansi.BOLD_RED;
      default -> Ansi.DIM;
    };
  }

  private String paint(Ansi a, String text) {
    return color ? a.code + text + Ansi.RESET.code : text;
  }

  /** The few ANSI styles a plan uses. */
  private enum Ansi {
    BOLD("\u001b[1m"), DIM("\u001b[2m"), RED("\u001b[31m"), GREEN("\u001b[32m"), YELLOW("\u001b[33m"),
    CYAN("\u001b[36m"), BOLD_RED("\u001b[1;31m"), RESET("\u001b[0m");

    final String code;

    Ansi(String code) {
      this.code = code;
    }
  }
}
