package aegis.types;

import aegis.syntax.Parser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The stdlib modules, each parsed and checked once and then shared by every check (a cold
 * {@code aegis check} pays for the modules it imports, and only those). Thread-safe: the language
 * server checks from several threads.
 */
public final class ModuleRegistry {
  private static final class Standard {
    static final ModuleRegistry INSTANCE = new ModuleRegistry(ModuleLoader.classpath());
  }

  private final ModuleLoader loader;
  private final Map<String, ModuleInfo> loaded = new HashMap<>();
  private final Set<String> absent = new HashSet<>();
  private final LinkedHashSet<String> loading = new LinkedHashSet<>();

  public ModuleRegistry(ModuleLoader loader) { this.loader = loader; }

  /** The registry of the stdlib on the classpath, shared by the whole process. */
  public static ModuleRegistry standard() { return Standard.INSTANCE; }

  public ModuleLoader loader() { return loader; }

  /** The names of every stdlib module. */
  public Set<String> stdlibNames() { return loader.stdlibNames(); }

  /**
   * The stdlib module {@code name}, checked (its own diagnostics are in {@code program()}); null when
   * there is no such module, or while it is itself being loaded (an import cycle, see {@link #loadingChain}).
   */
  public synchronized ModuleInfo stdlib(String name) {
    var known = loaded.get(name);
    if (known != null || absent.contains(name) || loading.contains(name)) return known;
    var source = loader.stdlib(name);
    if (source == null) {
      absent.add(name);
      return null;
    }
    loading.add(name);
    try {
      var program = new Session(this).checkRoot(Parser.parse(source), true);
      var info = program.module();
      if (info == null) {
        info = new ModuleInfo(name, ModuleInfo.Origin.STDLIB, null);
        info.complete(Map.of(), program);
      }
      loaded.put(name, info);
      return info;
    } finally {
      loading.remove(name);
    }
  }

  /** The core module (always in scope), or null when the stdlib has none. */
  public ModuleInfo core() { return stdlib(Types.CORE); }

  /** {@code a -> b -> name} when loading {@code name} now would close an import cycle among stdlib modules; else null. */
  synchronized String loadingChain(String name) {
    if (!loading.contains(name)) return null;
    var chain = new StringBuilder();
    boolean on = false;
    for (var m : loading) {
      if (m.equals(name)) on = true;
      if (on) chain.append(m).append(" -> ");
    }
    return chain.append(name).toString();
  }
}
