package aegis.adapters;

import aegis.eval.Value;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds every {@code extern fn} of the stdlib to its Java implementation: the one way a built-in
 * is bound. Modules are listed in {@link Builtins}; within a module, methods are found by their
 * {@link Extern} and {@link PlanFor} annotations. A test checks that every declaration has an
 * implementation and every implementation a declaration.
 */
public final class BuiltinRegistry {

  /** Calls a built-in for real. */
  @FunctionalInterface
  public interface Invoker {
    Value call(CallContext ctx, Args args);
  }

  /** Works out what a write would do, reading live state only. */
  @FunctionalInterface
  public interface Previewer {
    ActionPreview preview(CallContext ctx, Args args);
  }

  /** One bound function; {@code preview} is null when the module gives none. */
  public record Binding(String module, String function, Invoker invoke, Previewer preview) {
    public String qualifiedName() { return module + "." + function; }
  }

  private final Map<String, BuiltinModule> modules = new LinkedHashMap<>();
  /**
   * Each module's functions by name, bound on the module's first use: a run reads the annotations
   * of the modules its runbook calls, not of all of them (reflection and annotation parsing were
   * ~20 ms of every run's start).
   */
  private final Map<String, Map<String, Binding>> bound = new ConcurrentHashMap<>();

  public BuiltinRegistry(List<? extends BuiltinModule> modules) {
    for (var module : modules) {
      if (this.modules.put(module.name(), module) != null) throw new IllegalStateException("module " + module.name() + " is listed twice");
    }
  }

  /**
   * Starts the {@link BuiltinModule#prepare} of each module named (names of no module are
   * ignored), each on a virtual thread of its own, and returns at once.
   */
  public void prepare(java.util.Set<String> moduleNames) {
    for (String name : moduleNames) {
      var module = modules.get(name);
      if (module == null) continue;
      Thread.ofVirtual().name("prepare " + name).start(() -> {
        try {
          module.prepare();
        } catch (RuntimeException | LinkageError e) {
          // Best effort by contract: the module's first call sets up for itself and reports what fails.
        }
      });
    }
  }

  public Optional<Binding> find(String module, String function) {
    var m = modules.get(module);
    return m == null ? Optional.empty() : Optional.ofNullable(functions(m).get(function));
  }

  /** Every function of every module, as {@code module.function} (binding them all). */
  public java.util.Set<String> names() {
    var names = new java.util.LinkedHashSet<String>();
    for (var m : modules.values()) functions(m).keySet().forEach(f -> names.add(m.name() + "." + f));
    return java.util.Collections.unmodifiableSet(names);
  }

  private Map<String, Binding> functions(BuiltinModule module) {
    return bound.computeIfAbsent(module.name(), name -> bind(module));
  }

  private static Map<String, Binding> bind(BuiltinModule module) {
    var bindings = new LinkedHashMap<String, Binding>();
    var previews = new LinkedHashMap<String, Method>();
    for (Method m : module.getClass().getMethods()) {
      var plan = m.getAnnotation(PlanFor.class);
      if (plan != null) previews.put(plan.value(), m);
    }
    for (Method m : module.getClass().getMethods()) {
      var ext = m.getAnnotation(Extern.class);
      if (ext == null) continue;
      requireSignature(module, m, Value.class);
      Method previewMethod = previews.remove(ext.value());
      Previewer previewer = null;
      if (previewMethod != null) {
        requireSignature(module, previewMethod, ActionPreview.class);
        previewer = (ctx, args) -> (ActionPreview) invoke(module, previewMethod, ctx, args);
      }
      if (bindings.containsKey(ext.value())) throw new IllegalStateException(module.name() + "." + ext.value() + " is implemented twice");
      bindings.put(ext.value(), new Binding(module.name(), ext.value(), (ctx, args) -> (Value) invoke(module, m, ctx, args), previewer));
    }
    if (!previews.isEmpty()) {
      throw new IllegalStateException(module.name() + ": @PlanFor without @Extern: " + previews.keySet());
    }
    return Map.copyOf(bindings);
  }

  private static void requireSignature(BuiltinModule module, Method m, Class<?> result) {
    // A module class need not be public (tests declare their own); its annotated methods must be.
    m.setAccessible(true);
    var params = m.getParameterTypes();
    boolean ok = Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
        && params.length == 2 && params[0] == CallContext.class && params[1] == Args.class
        && result.isAssignableFrom(m.getReturnType());
    if (!ok) {
      throw new IllegalStateException(module.getClass().getName() + "." + m.getName()
          + " must be `public " + result.getSimpleName() + " " + m.getName() + "(CallContext, Args)`");
    }
  }

  private static Object invoke(BuiltinModule module, Method m, CallContext ctx, Args args) {
    try {
      return m.invoke(module, ctx, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new AdapterException(module.name(), module.name() + "." + args.function() + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
