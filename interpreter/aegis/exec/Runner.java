package aegis.exec;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.Severity;
import aegis.eval.Env;
import aegis.eval.EvalException;
import aegis.eval.Evaluator;
import aegis.adapters.time.ChangeWindow;
import aegis.eval.Value;
import aegis.exec.journal.StepId;
import aegis.exec.journal.StepOutcome;
import aegis.syntax.ast.Arg;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.StepOption;
import aegis.syntax.ast.Stmt;
import aegis.types.CheckedProgram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the statements of a checked runbook, in plan or apply mode: steps in order with their
 * timeouts and retries, loops (parallel ones on virtual threads under their limit), checks,
 * waits, approval gates, composition with {@code run}, and the {@code on failure} and
 * {@code finally} blocks. It reports everything to a {@link RunListener}; the journal, the plan
 * and the progress display are listeners.
 */
public final class Runner {
  /** How a run ended. {@code failure} is null when it succeeded. */
  public record Result(aegis.exec.journal.RunOutcome outcome, Diagnostic failure) {}

  private final CheckedProgram program;
  private final Evaluator evaluator;
  private final RunOptions options;
  private final RunListener listener;
  private final SplittableRandom random = new SplittableRandom();
  private final List<Integer> prefix;

  Runner(CheckedProgram program, Evaluator evaluator, RunOptions options, RunListener listener, List<Integer> prefix) {
    this.program = program;
    this.evaluator = evaluator;
    this.options = options;
    this.listener = listener;
    this.prefix = List.copyOf(prefix);
  }

  /** Runs the runbook with its params bound to {@code inputs} (missing ones take their defaults). */
  public Result run(Map<String, Value> inputs) {
    Env env = bindParams(inputs);
    var onFailure = new ArrayList<Stmt.Block>();
    var finallies = new ArrayList<Stmt.Block>();
    var body = new ArrayList<Stmt>();
    var windows = new ArrayList<Decl.Window>();
    for (Decl d : program.ast().decls()) {
      switch (d) {
        case Decl.OnFailure o -> onFailure.add(o.body());
        case Decl.Finally f -> finallies.add(f.body());
        case Decl.Window w -> windows.add(w);
        case Stmt s -> body.add(s);
        default -> { }
      }
    }
    Result result;
    try {
      if (prefix.isEmpty()) for (var w : windows) checkWindow(w, env);
      block(body, env, prefix, StepFrame.topLevel());
      result = new Result(aegis.exec.journal.RunOutcome.SUCCEEDED, null);
    } catch (RunFailure.Waiting w) {
      result = new Result(aegis.exec.journal.RunOutcome.WAITING, w.diagnostic());
    } catch (RunFailure f) {
      result = new Result(aegis.exec.journal.RunOutcome.FAILED, f.diagnostic());
      compensate(onFailure, env, "on failure");
    } catch (EvalException e) {
      result = new Result(aegis.exec.journal.RunOutcome.FAILED, e.diagnostic());
      compensate(onFailure, env, "on failure");
    }
    // finally blocks run after success, failure and waiting alike; their own failure is reported, not rethrown
    compensate(finallies, env, "finally");
    return result;
  }

  private void compensate(List<Stmt.Block> blocks, Env env, String what) {
    for (int i = 0; i < blocks.size(); i++) {
      var path = append(prefix, 10_000 + i);
      try {
        block(blocks.get(i).stmts(), env.child(), path, StepFrame.topLevel());
      } catch (RunFailure | EvalException e) {
        Diagnostic d = e instanceof RunFailure rf ? rf.diagnostic() : ((EvalException) e).diagnostic();
        listener.diagnostic(new Diagnostic(d.code(), Severity.ERROR, d.span(), "`" + what + "` failed too: " + d.message(),
            d.hints(), d.related()));
      }
    }
  }

  private Env bindParams(Map<String, Value> inputs) {
    Env env = Env.root();
    for (var param : program.params()) {
      Value v = inputs.get(param.name());
      if (v == null && param.declaration() instanceof Decl.Param p && p.defaultValue() != null) {
        v = evaluator.eval(program, p.defaultValue(), env);
      }
      env.define(param.name(), v == null ? Value.Null.INSTANCE : v);
    }
    return env;
  }

  // ------------------------------------------------------------------ statements

  private void block(List<Stmt> stmts, Env env, List<Integer> path, StepFrame frame) {
    for (int i = 0; i < stmts.size(); i++) statement(stmts.get(i), env, append(path, i + 1), frame);
  }

  /** The ordinal path of the statement the current thread runs, for a stable order of planned actions. */
  private static final InheritableThreadLocal<List<Integer>> PATH = new InheritableThreadLocal<>();

  static String currentPath() {
    var path = PATH.get();
    return path == null ? "" : String.join(".", path.stream().map(String::valueOf).toList());
  }

  private void statement(Stmt s, Env env, List<Integer> path, StepFrame frame) {
    PATH.set(path);
    switch (s) {
      case Stmt.Let l -> env.define(l.name().name(), evaluator.eval(program, l.value(), env));
      case Stmt.Step step -> step(step, env, path, frame);
      case Stmt.For f -> loop(f, env, path, frame);
      case Stmt.If i -> branch(i, env, path, frame);
      case Stmt.Check c -> check(c, env, frame);
      case Stmt.Wait w -> waitUntil(w, env, frame);
      case Stmt.Approve a -> approve(a, env, frame);
      case Stmt.Run r -> compose(r, env, path, frame);
      case Stmt.Report r -> listener.report(frame.step(), currentPath(), reportTitle(r, env),
          evaluator.eval(program, r.value(), env));
      case Stmt.Fail f -> {
        Value messageValue = evaluator.eval(program, f.message(), env);
        if (!options.planning()) throw new RunFailure(Diagnostic.of(Code.AEG400, f.span(), text(messageValue)));
        // A message that depends on an apply's results is shown as written.
        String message = messageValue instanceof Value.Unknown ? f.message().span().text() : text(messageValue);
        if (frame.conditional() == null) {
          listener.diagnostic(Diagnostic.of(Code.AEG400, f.span(), "the run would stop here: " + message));
        } else {
          // Reached only if a value known after apply says so (a rollback branch): not an error of the plan.
          listener.diagnostic(new Diagnostic(Code.AEG400, Severity.INFO, f.span(),
              "the run may stop here when applied, depending on " + frame.conditional() + ": " + message, List.of(), List.of()));
        }
      }
      case Stmt.ExprStmt e -> evaluator.eval(program, e.expr(), env);
    }
  }

  /** A report's title, interpolations included; one that depends on an apply's results is shown as written. */
  private String reportTitle(Stmt.Report r, Env env) {
    Value title = evaluator.eval(program, r.title(), env);
    return title instanceof Value.Unknown ? r.title().span().text() : text(title);
  }

  private void step(Stmt.Step step, Env env, List<Integer> path, StepFrame outer) {
    Value nameValue = evaluator.eval(program, step.name(), env);
    String name = nameValue instanceof Value.Unknown ? step.name().span().text() : nameValue.show();
    var ref = new StepRef(StepId.of(path, name), name, program.effectOf(step), step.span());
    if (options.completed().contains(ref.id().value())) {
      listener.stepSkipped(ref);
      return;
    }
    Duration timeout = null;
    var retry = RetryPolicy.NONE;
    for (var option : step.options()) {
      switch (option) {
        case StepOption.Timeout t -> timeout = ((Value.Dur) evaluator.eval(program, t.duration(), env)).value();
        case StepOption.Retry r -> retry = retryPolicy(r, env);
      }
    }
    if (options.planning()) {
      retry = RetryPolicy.NONE;
      timeout = null;
    }
    boolean approvedUpFront = options.approvals().contains(name);
    for (int attempt = 1; ; attempt++) {
      Instant start = options.clock().instant();
      Instant deadline = timeout == null ? null : start.plus(timeout);
      var frame = new StepFrame(ref, deadline, new AtomicBoolean(approvedUpFront), new AtomicBoolean(), outer.conditional());
      listener.stepStarted(ref, attempt);
      Diagnostic failure;
      StepOutcome outcome;
      try {
        runStepBody(step, env, path, frame, timeout, name);
        outcome = frame.warned().get() ? StepOutcome.WARNED : StepOutcome.OK;
        listener.stepFinished(ref, attempt, outcome, took(start), null);
        return;
      } catch (RunFailure.Waiting w) {
        throw w;
      } catch (Timeouts.StepTimeoutException e) {
        outcome = StepOutcome.TIMED_OUT;
        failure = Diagnostic.of(Code.AEG403, step.span(), e.getMessage());
      } catch (RunFailure e) {
        outcome = StepOutcome.FAILED;
        failure = e.diagnostic();
      } catch (EvalException e) {
        outcome = StepOutcome.FAILED;
        failure = e.diagnostic();
      }
      listener.stepFinished(ref, attempt, outcome, took(start), failure.message());
      if (attempt >= retry.attempts()) throw new RunFailure(failure);
      sleep(retry.delayBefore(attempt + 1, random));
    }
  }

  private void runStepBody(Stmt.Step step, Env env, List<Integer> path, StepFrame frame, Duration timeout, String name) {
    try {
      Timeouts.run(timeout, "step \"" + name + "\"", () -> {
        var previous = StepFrame.enter(frame);
        try {
          block(step.body().stmts(), env.child(), path, frame);
        } finally {
          StepFrame.restore(previous);
        }
        return null;
      });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private RetryPolicy retryPolicy(StepOption.Retry r, Env env) {
    int attempts = 1;
    Duration backoff = Duration.ZERO;
    for (Arg a : r.args()) {
      Value v = evaluator.eval(program, a.value(), env);
      String n = a.name() == null ? (v instanceof Value.Int ? "attempts" : "backoff") : a.name().name();
      if (n.equals("attempts") && v instanceof Value.Int i) attempts = (int) Math.max(1, i.value());
      if (n.equals("backoff") && v instanceof Value.Dur d) backoff = d.value();
    }
    return new RetryPolicy(attempts, backoff);
  }

  private void loop(Stmt.For f, Env env, List<Integer> path, StepFrame frame) {
    Value iterable = evaluator.eval(program, f.iterable(), env);
    if (iterable instanceof Value.Unknown u) {
      var inner = frame.withConditional("loop over " + u.origin());
      conditionally(inner, () -> block(f.body().stmts(), env.child().define(f.variable().name(), u), append(path, 1), inner));
      return;
    }
    List<Value> items = switch (iterable) {
      case Value.ListV l -> l.items();
      case Value.MapV m -> m.entries().keySet().stream().<Value>map(Value.Str::new).toList();
      default -> List.of();
    };
    if (!f.isParallel()) {
      for (int i = 0; i < items.size(); i++) {
        block(f.body().stmts(), env.child().define(f.variable().name(), items.get(i)), append(path, i + 1), frame);
      }
      return;
    }
    int limit = parallelLimit(f, env);
    List<Fanout.Outcome<Object>> outcomes;
    try {
      outcomes = Fanout.run(items, limit, (item, i) -> {
        var previous = StepFrame.enter(frame);
        try {
          block(f.body().stmts(), env.child().define(f.variable().name(), item), append(path, i + 1), frame);
        } finally {
          StepFrame.restore(previous);
        }
        return null;
      }, done -> listener.fanout(frame.step(), done, items.size()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunFailure(Diagnostic.of(Code.AEG400, f.span(), "interrupted"));
    }
    var failures = outcomes.stream().filter(o -> !o.ok()).map(Fanout.Outcome::failure).toList();
    if (failures.isEmpty()) return;
    for (var t : failures) if (t instanceof RunFailure.Waiting w) throw w;
    Diagnostic first = diagnosticOf(failures.getFirst(), f);
    String message = failures.size() == 1 ? first.message()
        : failures.size() + " of " + items.size() + " iterations failed; first: " + first.message();
    var d = new Diagnostic(first.code(), Severity.ERROR, first.span(), message, first.hints(), first.related());
    for (int i = 1; i < Math.min(failures.size(), 20); i++) {
      var other = diagnosticOf(failures.get(i), f);
      d = d.withRelated(other.span(), other.message());
    }
    throw new RunFailure(d);
  }

  private int parallelLimit(Stmt.For f, Env env) {
    for (Arg a : f.parallel()) {
      if (a.name() == null || a.name().name().equals("limit")) {
        Value v = evaluator.eval(program, a.value(), env);
        if (v instanceof Value.Int i) return (int) Math.max(1, Math.min(i.value(), 10_000));
      }
    }
    return DEFAULT_PARALLEL_LIMIT;
  }

  /** The limit of {@code parallel} without {@code limit:}: enough for health checks, gentle on servers. */
  static final int DEFAULT_PARALLEL_LIMIT = 8;

  private static Diagnostic diagnosticOf(Throwable t, Stmt.For f) {
    return switch (t) {
      case RunFailure rf -> rf.diagnostic();
      case EvalException ee -> ee.diagnostic();
      case Timeouts.StepTimeoutException te -> Diagnostic.of(Code.AEG403, f.span(), te.getMessage());
      default -> Diagnostic.of(Code.AEG400, f.span(), "an iteration failed: " + t);
    };
  }

  private void branch(Stmt.If i, Env env, List<Integer> path, StepFrame frame) {
    Value cond = evaluator.eval(program, i.condition(), env);
    if (cond instanceof Value.Unknown u) {
      var inner = frame.withConditional("`if " + i.condition().span().text() + "` (" + u.origin() + ")");
      conditionally(inner, () -> {
        block(i.then().stmts(), env.child(), append(path, 1), inner);
        otherwise(i.otherwise(), env, append(path, 2), inner);
      });
      return;
    }
    if (((Value.Bool) cond).value()) block(i.then().stmts(), env.child(), append(path, 1), frame);
    else otherwise(i.otherwise(), env, append(path, 2), frame);
  }

  /**
   * Runs {@code body} with {@code inner} as the thread's frame, so that built-in calls deep in its
   * expressions plan their actions as conditional too (they find the frame through
   * {@link StepFrame#current()}, not through the parameter).
   */
  private static void conditionally(StepFrame inner, Runnable body) {
    var previous = StepFrame.enter(inner);
    try {
      body.run();
    } finally {
      StepFrame.restore(previous);
    }
  }

  private void otherwise(Node otherwise, Env env, List<Integer> path, StepFrame frame) {
    switch (otherwise) {
      case null -> { }
      case Stmt.If elseIf -> branch(elseIf, env, path, frame);
      case Stmt.Block b -> block(b.stmts(), env.child(), path, frame);
      default -> { }
    }
  }

  private void check(Stmt.Check c, Env env, StepFrame frame) {
    Value cond = evaluator.eval(program, c.condition(), env);
    String text = c.condition().span().text();
    boolean warnOnly = c.severity() == Stmt.CheckSeverity.WARN;
    if (cond instanceof Value.Unknown) {
      listener.diagnostic(new Diagnostic(Code.AEG402, Severity.INFO, c.span(),
          "checked when applied: `" + text + "` depends on values known after apply", List.of(), List.of()));
      return;
    }
    if (((Value.Bool) cond).value()) {
      listener.check(frame.step(), text, warnOnly, true, null);
      return;
    }
    String message = text(evaluator.eval(program, c.message(), env));
    listener.check(frame.step(), text, warnOnly, false, message);
    if (warnOnly) {
      frame.warned().set(true);
      listener.diagnostic(Diagnostic.of(Code.AEG402, c.span(), message));
    } else if (options.planning()) {
      listener.diagnostic(new Diagnostic(Code.AEG401, Severity.WARNING, c.span(), "this check fails now: " + message,
          List.of(), List.of()));
    } else {
      throw new RunFailure(Diagnostic.of(Code.AEG401, c.span(), message));
    }
  }

  private void waitUntil(Stmt.Wait w, Env env, StepFrame frame) {
    Duration every = ((Value.Dur) evaluator.eval(program, w.interval(), env)).value();
    Duration limit = ((Value.Dur) evaluator.eval(program, w.timeout(), env)).value();
    String text = w.condition().span().text();
    if (options.planning()) {
      Value now = evaluator.eval(program, w.condition(), env);
      if (!(now instanceof Value.Bool b && b.value())) {
        listener.diagnostic(new Diagnostic(Code.AEG403, Severity.INFO, w.span(),
            "the apply will wait up to " + aegis.eval.Durations.format(limit) + " for `" + text + "`", List.of(), List.of()));
      }
      return;
    }
    Instant deadline = options.clock().instant().plus(limit);
    while (true) {
      Value cond = evaluator.eval(program, w.condition(), env);
      if (cond instanceof Value.Bool b && b.value()) return;
      if (!options.clock().instant().plus(every).isBefore(deadline.plusMillis(1))) {
        throw new RunFailure(Diagnostic.of(Code.AEG403, w.span(),
            "waited " + aegis.eval.Durations.format(limit) + " for `" + text + "` and it is still false"));
      }
      sleep(every);
    }
  }

  private void approve(Stmt.Approve a, Env env, StepFrame frame) {
    String reason = text(evaluator.eval(program, a.reason(), env));
    String name = frame.step() == null ? reason : frame.step().name();
    if (options.planning()) {
      listener.diagnostic(new Diagnostic(Code.AEG406, Severity.INFO, a.span(), "needs approval: " + reason,
          List.of("approve with --approve \"" + name + "\", or answer the prompt when applying"), List.of()));
      return;
    }
    if (frame.approved().get() || options.approvals().contains(name)) {
      frame.approved().set(true);
      listener.approvalGranted(frame.step(), name, "--approve");
      return;
    }
    if (options.approver() != null) {
      String by = options.approver().ask(name, reason);
      if (by == null) throw new RunFailure(Diagnostic.of(Code.AEG406, a.span(), "approval refused: " + reason));
      frame.approved().set(true);
      listener.approvalGranted(frame.step(), name, by);
      return;
    }
    listener.approvalWaiting(frame.step(), name);
    throw new RunFailure.Waiting(Diagnostic.of(Code.AEG406, a.span(), "waiting for approval: " + reason)
        .withHint("resume with `aegis resume RUN_ID --approve \"" + name + "\"`"));
  }

  private void compose(Stmt.Run r, Env env, List<Integer> path, StepFrame frame) {
    var target = program.runTarget(r);
    if (target == null || target.program() == null) {
      throw new RunFailure(Diagnostic.of(Code.AEG400, r.span(), "cannot run `" + r.runbook().name() + "` from here"));
    }
    var inputs = new java.util.LinkedHashMap<String, Value>();
    var params = target.program().params();
    int positional = 0;
    for (Arg a : r.args()) {
      String name = a.name() != null ? a.name().name() : params.get(positional++).name();
      inputs.put(name, evaluator.eval(program, a.value(), env));
    }
    var nested = new Runner(target.program(), evaluator.forProgram(target.program()), options, listener, path);
    var previous = StepFrame.enter(frame);
    try {
      var result = nested.run(inputs);
      if (result.failure() != null) {
        if (result.outcome() == aegis.exec.journal.RunOutcome.WAITING) throw new RunFailure.Waiting(result.failure());
        throw new RunFailure(result.failure());
      }
    } finally {
      StepFrame.restore(previous);
    }
  }

  // ------------------------------------------------------------------ windows

  private void checkWindow(Decl.Window w, Env env) {
    Value v = evaluator.eval(program, w.window(), env);
    if (!(v instanceof Value.Rec rec)) return;
    var window = ChangeWindow.from(rec);
    Instant now = options.clock().instant();
    if (window.isOpen(now)) return;
    String message = "outside the change window (" + window.describe() + "); it next opens " + window.nextOpening(now);
    if (options.planning()) {
      listener.diagnostic(new Diagnostic(Code.AEG405, Severity.WARNING, w.span(), "the apply would be refused: " + message,
          List.of("apply inside the window, or with --override-window \"reason\""), List.of()));
      return;
    }
    if (options.windowOverride() != null && !options.windowOverride().isBlank()) {
      listener.windowOverridden(options.windowOverride());
      return;
    }
    throw new RunFailure(Diagnostic.of(Code.AEG405, w.span(), message)
        .withHint("wait for the window, or pass --override-window \"reason\" (the reason is journalled)"));
  }

  // ------------------------------------------------------------------ helpers

  private static String text(Value v) { return v instanceof Value.Str s ? s.value() : v.show(); }

  private Duration took(Instant start) { return Duration.between(start, options.clock().instant()); }

  private static void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) return;
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Timeouts.StepTimeoutException("interrupted while waiting");
    }
  }

  private static List<Integer> append(List<Integer> path, int n) {
    var out = new ArrayList<Integer>(path.size() + 1);
    out.addAll(path);
    out.add(n);
    return out;
  }
}
