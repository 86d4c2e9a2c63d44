package aegis.types;

import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.ImportDecl;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stdlib modules, each parsed and checked once and then shared by every check (a cold
 * {@code aegis check} pays for the modules it imports, and only those). Thread-safe: the language
 * server and {@link Checker#checkEach} check from several threads. A module already loaded is
 * handed out without taking the lock, so that threads checking files do not queue for it.
 */
public final class ModuleRegistry {
  private static final class Standard {
    static final ModuleRegistry INSTANCE = new ModuleRegistry(ModuleLoader.classpath());
  }

  private final ModuleLoader loader;
  private final Map<String, ModuleInfo> loaded = new ConcurrentHashMap<>();
  private final Set<String> absent = new HashSet<>();
  private final LinkedHashSet<String> loading = new LinkedHashSet<>();
  private final Map<Path, CheckedProgram> fileModules = new ConcurrentHashMap<>();

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
  public ModuleInfo stdlib(String name) {
    var known = loaded.get(name);
    return known != null ? known : load(name);
  }

  private synchronized ModuleInfo load(String name) {
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

  /**
   * The module file at {@code path} as checked before, when its name and text are the same; else
   * null. {@code aegis check runbooks/} imports {@code lib/rows.aegis} from every runbook: checked
   * once, not once per runbook.
   */
  CheckedProgram checkedModuleFile(Path path, SourceFile source) {
    var known = fileModules.get(path);
    if (known == null) return null;
    var was = known.source();
    return was.name().equals(source.name()) && was.text().equals(source.text()) ? known : null;
  }

  /**
   * Keeps a checked module file for {@link #checkedModuleFile}, if what it checks to depends on its
   * text alone: it imports stdlib modules only (a file it imports may change, or close a cycle).
   * One entry per path, the latest, so an editor's buffers do not pile up.
   */
  void rememberModuleFile(Path path, CheckedProgram program) {
    if (program.module() != null && program.ast().imports().stream().allMatch(i -> i instanceof ImportDecl.Module)) {
      fileModules.put(path, program);
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
