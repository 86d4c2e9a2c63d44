package aegis.exec;

import aegis.adapters.ActionPreview;
import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.CallContext;
import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.eval.EvalException;
import aegis.eval.ExternCalls;
import aegis.eval.Value;
import aegis.eval.ValueJson;
import aegis.exec.journal.SecretRegistry;
import aegis.source.LoadResult;
import aegis.syntax.Span;
import aegis.syntax.ast.Effect;
import aegis.types.ModuleLoader;
import aegis.types.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Decides what an {@code extern fn} call does in this run. Planning: pure and read calls run (reads
 * are fingerprinted; offline, reads are unknown), writes do not run: they are previewed and become
 * planned actions with an unknown result. Applying: everything runs, writes are recorded with
 * their before and after, and a destructive call needs its step to be approved.
 */
final class ExternGate implements ExternCalls {
  private final BuiltinRegistry registry;
  private final RunOptions options;
  private final RunListener listener;
  private final RunResources resources;
  private final SecretRegistry secrets;
  private final Value.Rec environment;
  private final ModuleLoader files;
  private final java.nio.file.Path sourceDirectory;

  /**
   * @param environment     the run's environment value (adapters without an endpoint argument use it)
   * @param files           where the runbook's files are read from: the disk, or a git commit
   * @param sourceDirectory the runbook's directory: templates and other source files are read from it
   */
  ExternGate(BuiltinRegistry registry, RunOptions options, RunListener listener, RunResources resources,
             SecretRegistry secrets, Value.Rec environment, ModuleLoader files, java.nio.file.Path sourceDirectory) {
    this.registry = registry;
    this.options = options;
    this.listener = listener;
    this.resources = resources;
    this.secrets = secrets;
    this.environment = environment;
    this.files = files;
    this.sourceDirectory = sourceDirectory;
  }

  @Override
  public Value call(Symbol fn, Args args, Span site) {
    String call = fn.module() + "." + fn.name();
    StepFrame frame = StepFrame.current() == null ? StepFrame.topLevel() : StepFrame.current();
    String location = location(site);
    // An offline plan runs no read and previews no write, so it needs only the declarations: it
    // plans a runbook whose adapter this build lacks, as CI on a fork would.
    boolean offline = options.planning() && options.offline();
    if (offline && fn.effect() == Effect.READ) return new Value.Unknown("read of " + call + " at " + location + " (offline plan)");
    var binding = registry.find(fn.module(), fn.name()).orElse(null);
    if (binding == null && !(offline && fn.effect() != Effect.PURE)) {
      throw EvalException.at(site, Code.AEG303, call + " is declared in the stdlib but this build has no implementation of it");
    }
    CallContext ctx = context(frame);
    try {
      return switch (fn.effect()) {
        case PURE -> binding.invoke().call(ctx, args);
        case READ -> {
          Value result = binding.invoke().call(ctx, args);
          if (options.planning() && LiveState.fingerprinted(fn.module())) {
            listener.liveRead(call, argsJson(args), LiveState.stable(ValueJson.toJson(result)), location);
          }
          yield result;
        }
        case WRITE, DESTRUCTIVE -> options.planning()
            ? plan(fn, call, binding, ctx, args, frame, location)
            : apply(fn, call, binding, ctx, args, frame, site);
      };
    } catch (AdapterException e) {
      throw new EvalException(Diagnostic.of(Code.AEG303, site, call + ": " + secrets.redact(e.getMessage())));
    }
  }

  /** @param binding null only in an offline plan, which previews nothing */
  private Value plan(Symbol fn, String call, BuiltinRegistry.Binding binding, CallContext ctx, Args args, StepFrame frame,
                     String location) {
    String unknownArg = null;
    for (var v : args.values()) {
      var u = unknownIn(v);
      if (u != null) unknownArg = u.origin();
    }
    ActionPreview preview;
    if (!options.offline() && binding.preview() != null && unknownArg == null) {
      preview = binding.preview().preview(ctx, args);
    } else {
      var arguments = options.keepArguments() ? ValueJson.toJson(new Value.ListV(args.values())) : null;
      preview = new ActionPreview(target(call, args), "run", call + "(" + argsShown(args) + ")", null, arguments);
    }
    String conditional = frame.conditional();
    if (unknownArg != null) conditional = conditional == null ? unknownArg : conditional + "; " + unknownArg;
    listener.planned(frame.step(), Runner.currentPath(), call, fn.effect(), preview, conditional, location);
    return new Value.Unknown("result of " + call + " at " + location);
  }

  /** The first value known only after apply in {@code v}, also inside a list, map or record (a map of secrets read in an earlier step). */
  private static Value.Unknown unknownIn(Value v) {
    if (v instanceof Value.Unknown u) return u;
    java.util.Collection<Value> inside = switch (v) {
      case Value.ListV l -> l.items();
      case Value.MapV m -> m.entries().values();
      case Value.Rec r -> r.fields().values();
      default -> java.util.List.of();
    };
    for (var item : inside) {
      var u = unknownIn(item);
      if (u != null) return u;
    }
    return null;
  }

  private Value apply(Symbol fn, String call, BuiltinRegistry.Binding binding, CallContext ctx, Args args, StepFrame frame,
                      Span site) {
    if (fn.effect() == Effect.DESTRUCTIVE && !frame.approved().get()) {
      String step = frame.step() == null ? "this runbook" : "step \"" + frame.step().name() + "\"";
      throw new RunFailure.Waiting(Diagnostic.of(Code.AEG406, site,
          call + " is destructive and " + step + " has not been approved")
          .withHint("put `approve \"why\"` before it in the step, or pass --approve \""
              + (frame.step() == null ? "NAME" : frame.step().name()) + "\""));
    }
    JsonNode before = null;
    String target = target(call, args);
    if (binding.preview() != null) {
      ActionPreview preview = binding.preview().preview(ctx, args);
      before = preview.live();
      target = preview.target();
    }
    Value result = binding.invoke().call(ctx, args);
    listener.applied(frame.step(), call, fn.effect(), target, before, ValueJson.toJson(result));
    return result;
  }

  private CallContext context(StepFrame frame) {
    return new CallContext() {
      public Mode mode() { return options.mode(); }

      public <T> T resource(String key, Supplier<T> create) { return resources.get(key, create); }

      public Instant deadline() { return frame.deadline(); }

      public void registerSecret(String value) { secrets.register(value); }

      public void progress(String message) { listener.progress(frame.step(), secrets.redact(message)); }

      public Value.Rec environment() { return environment; }

      public String readSource(String relativePath) throws java.io.IOException {
        return switch (files.read(inside(relativePath), relativePath)) {
          case LoadResult.Loaded l -> l.file().text();
          case LoadResult.Rejected r ->
              throw new java.io.FileNotFoundException(r.problem().message().replaceFirst("^cannot read `[^`]*`: ", ""));
        };
      }

      public java.util.List<String> listSource(String relativeDirectory) throws java.io.IOException {
        return files.listAll(inside(relativeDirectory)).stream().map(f -> f.getFileName().toString()).toList();
      }
    };
  }

  /** A path relative to the runbook's directory that must stay inside it. */
  private java.nio.file.Path inside(String relative) throws java.io.FileNotFoundException {
    var dir = sourceDirectory.toAbsolutePath().normalize();
    var file = dir.resolve(relative).normalize();
    if (!file.startsWith(dir)) throw new java.io.FileNotFoundException(relative + " is outside the runbook's directory");
    return file;
  }

  /**
   * A readable one-line target when the adapter gives none: the call and its first text argument,
   * of a multi-line text (a rendered manifest) its first line and its length.
   */
  private static String target(String call, Args args) {
    for (var v : args.values()) {
      if (!(v instanceof Value.Str s)) continue;
      var lines = s.value().strip().lines().toList();
      if (lines.size() <= 1) return call + " " + cut(s.value().strip(), 80);
      return call + " " + cut(lines.getFirst().strip(), 60) + " … (" + lines.size() + " lines)";
    }
    return call;
  }

  /** The arguments in a few words: records by their type and first text field, long lists by their size. */
  private static String argsShown(Args args) {
    var parts = args.values().stream().filter(v -> v != Value.Null.INSTANCE).map(ExternGate::brief).toList();
    String joined = String.join(", ", parts);
    return joined.length() > 200 ? joined.substring(0, 197) + "..." : joined;
  }

  private static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max - 3) + "..." : text;
  }

  private static String brief(Value v) {
    return switch (v) {
      case Value.Rec r -> {
        String type = r.type().substring(r.type().lastIndexOf('.') + 1);
        for (var f : r.fields().values()) if (f instanceof Value.Str s) yield type + "(" + s.value() + ")";
        yield type;
      }
      case Value.ListV l when l.items().size() > 3 -> "[" + l.items().size() + " items]";
      case Value.ListV l -> "[" + String.join(", ", l.items().stream().map(ExternGate::brief).toList()) + "]";
      case Value.MapV m -> "{" + String.join(", ", m.entries().keySet()) + "}";
      case Value.Str s when s.value().contains("\n") -> "\"" + s.value().lines().findFirst().orElse("") + "...\" ("
          + s.value().lines().count() + " lines)";
      case Value.Str s -> "\"" + (s.value().length() > 60 ? s.value().substring(0, 57) + "..." : s.value()) + "\"";
      default -> v.show();
    };
  }

  private static JsonNode argsJson(Args args) {
    var arr = JsonNodeFactory.instance.arrayNode();
    args.values().forEach(v -> arr.add(ValueJson.toJson(v)));
    return arr;
  }

  static String location(Span site) {
    return site.file().name() + ":" + site.line() + ":" + site.column();
  }
}
