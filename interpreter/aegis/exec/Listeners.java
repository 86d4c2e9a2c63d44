package aegis.exec;

import aegis.adapters.ActionPreview;
import aegis.diagnostics.Diagnostic;
import aegis.eval.Value;
import aegis.exec.journal.StepOutcome;
import aegis.syntax.ast.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/** Several listeners heard as one, in order (the journal first, so a record is on disk before it is shown). */
final class Listeners implements RunListener {
  private final List<RunListener> all;

  Listeners(List<RunListener> all) { this.all = List.copyOf(all); }

  public void stepStarted(StepRef s, int attempt) { all.forEach(l -> l.stepStarted(s, attempt)); }

  public void stepFinished(StepRef s, int attempt, StepOutcome o, Duration took, String message) {
    all.forEach(l -> l.stepFinished(s, attempt, o, took, message));
  }

  public void stepSkipped(StepRef s) { all.forEach(l -> l.stepSkipped(s)); }

  public void planned(StepRef s, String path, String call, Effect effect, ActionPreview preview, String conditional,
                      String location) {
    all.forEach(l -> l.planned(s, path, call, effect, preview, conditional, location));
  }

  public void applied(StepRef s, String call, Effect effect, String target, JsonNode before, JsonNode after) {
    all.forEach(l -> l.applied(s, call, effect, target, before, after));
  }

  public void liveRead(String call, JsonNode args, JsonNode result, String location) {
    all.forEach(l -> l.liveRead(call, args, result, location));
  }

  public void check(StepRef s, String condition, boolean warnOnly, boolean passed, String message) {
    all.forEach(l -> l.check(s, condition, warnOnly, passed, message));
  }

  public void approvalWaiting(StepRef s, String name) { all.forEach(l -> l.approvalWaiting(s, name)); }

  public void approvalGranted(StepRef s, String name, String by) { all.forEach(l -> l.approvalGranted(s, name, by)); }

  public void windowOverridden(String reason) { all.forEach(l -> l.windowOverridden(reason)); }

  public void report(StepRef s, String path, String title, Value value) {
    all.forEach(l -> l.report(s, path, title, value));
  }

  public void fanout(StepRef s, int done, int total) { all.forEach(l -> l.fanout(s, done, total)); }

  public void diagnostic(Diagnostic d) { all.forEach(l -> l.diagnostic(d)); }

  public void progress(StepRef s, String message) { all.forEach(l -> l.progress(s, message)); }
}
