package aegis.exec;

import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.DiagnosticRenderer;
import aegis.diagnostics.Severity;
import aegis.eval.Durations;
import aegis.eval.Value;
import aegis.exec.journal.StepOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows a run to the person running it. On a terminal, finished steps scroll by and one status
 * line at the bottom shows the steps running now and the progress of a parallel loop; elsewhere
 * (CI, pipes) plain lines only. Always ends with the reports and a summary.
 */
public final class ProgressPrinter implements RunListener {
  private final PrintWriter out;
  private final boolean live;
  private final boolean color;
  private final Map<String, Long> running = new LinkedHashMap<>();
  private final Map<String, List<Row>> reports = new LinkedHashMap<>();

  private record Row(String path, Value value) {}
  private String fanout = "";
  private int ok;
  private int warned;
  private int failed;
  private int skipped;
  private int applied;
  private boolean statusShown;

  public ProgressPrinter(PrintWriter out, boolean live, boolean color) {
    this.out = out;
    this.live = live;
    this.color = color;
  }

  @Override
  public synchronized void stepStarted(StepRef step, int attempt) {
    running.put(step.name(), System.nanoTime());
    if (!live) println("▶ " + step.name() + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
    status();
  }

  @Override
  public synchronized void stepFinished(StepRef step, int attempt, StepOutcome outcome, Duration took, String message) {
    running.remove(step.name());
    String time = " (" + Durations.format(took.withNanos(took.toMillisPart() * 1_000_000)) + ")";
    switch (outcome) {
      case OK -> { ok++; println(paint("32", "✓") + " " + step.name() + time); }
      case WARNED -> { warned++; println(paint("33", "!") + " " + step.name() + time); }
      case SKIPPED -> { skipped++; println("- " + step.name() + " skipped"); }
      case FAILED, TIMED_OUT -> {
        failed++;
        println(paint("31", "✗") + " " + step.name() + time + (message == null ? "" : ": " + message));
      }
    }
    status();
  }

  @Override
  public synchronized void stepSkipped(StepRef step) {
    skipped++;
    println("- " + step.name() + " (already done in an earlier attempt of this run)");
  }

  @Override
  public synchronized void applied(StepRef step, String call, aegis.syntax.ast.Effect effect, String target,
                                   com.fasterxml.jackson.databind.JsonNode before, com.fasterxml.jackson.databind.JsonNode after) {
    applied++;
    println("  " + paint("36", "~") + " " + call + " " + target);
  }

  @Override
  public synchronized void fanout(StepRef step, int done, int total) {
    fanout = done >= total ? "" : done + "/" + total;
    if (live) status();
  }

  @Override
  public synchronized void report(StepRef step, String path, String title, Value value) {
    reports.computeIfAbsent(title, t -> new ArrayList<>()).add(new Row(path, value));
  }

  @Override
  public synchronized void diagnostic(Diagnostic d) {
    if (d.severity() == Severity.INFO) return;
    clearStatus();
    out.print(new DiagnosticRenderer(color).render(d));
    out.flush();
  }

  @Override
  public synchronized void windowOverridden(String reason) {
    println(paint("33", "!") + " change window overridden: " + reason);
  }

  @Override
  public synchronized void approvalGranted(StepRef step, String name, String by) {
    println("  approved: " + name + " (by " + by + ")");
  }

  /** The reports and a one-line summary, after the run. */
  public synchronized void finish(String outcome, Duration took) {
    clearStatus();
    reports.forEach((title, rows) -> {
      out.println();
      out.print(ReportTable.render(title, merged(rows)));
    });
    if (!reports.isEmpty()) out.println();
    out.printf("%s: %d step%s ok, %d warned, %d failed%s%s in %s%n", outcome, ok, ok == 1 ? "" : "s", warned, failed,
        skipped > 0 ? ", " + skipped + " skipped" : "", applied > 0 ? ", " + applied + " change" + (applied == 1 ? "" : "s") : "",
        Durations.format(took.withNanos(took.toMillisPart() * 1_000_000)));
    out.flush();
  }

  /** Rows reported under one title, in runbook order: lists are concatenated, single values listed. */
  private static Value merged(List<Row> rows) {
    if (rows.size() == 1) return rows.getFirst().value();
    var sorted = new ArrayList<>(rows);
    sorted.sort((a, b) -> aegis.plan.PlanBuilder.compareOrdinals(a.path(), b.path()));
    var items = new ArrayList<Value>();
    for (var r : sorted) {
      if (r.value() instanceof Value.ListV l) items.addAll(l.items());
      else items.add(r.value());
    }
    return new Value.ListV(items);
  }

  private void println(String line) {
    clearStatus();
    out.println(line);
    out.flush();
    status();
  }

  private void status() {
    if (!live) return;
    clearStatus();
    if (running.isEmpty() && fanout.isEmpty()) return;
    long now = System.nanoTime();
    var parts = new ArrayList<String>();
    running.forEach((name, start) -> parts.add(name + " " + (now - start) / 1_000_000_000 + "s"));
    String line = "… " + String.join(" · ", parts) + (fanout.isEmpty() ? "" : " · " + fanout + " done");
    out.print(line.length() > 150 ? line.substring(0, 149) + "…" : line);
    out.flush();
    statusShown = true;
  }

  private void clearStatus() {
    if (live && statusShown) {
      out.print("\r\u001b[K");
      statusShown = false;
    }
  }

  private String paint(String code, String text) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
