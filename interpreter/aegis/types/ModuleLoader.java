package aegis.types;

import aegis.source.LoadResult;
import aegis.syntax.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the checker finds source it did not get handed: stdlib modules ({@code import k8s}),
 * module files ({@code import "lib/x.aegis" as x}) and runbooks named by {@code run}. The
 * language server wraps one to serve unsaved editor buffers; tests give modules as strings.
 */
public interface ModuleLoader {
  /** The source of stdlib module {@code name}, or null when the stdlib has no such module. */
  SourceFile stdlib(String name);

  /** The names of every stdlib module (for "did you mean"). */
  Set<String> stdlibNames();

  /** Whether there is a file at {@code path} (imports and {@code run} look for one). */
  boolean exists(Path path);

  /**
   * Reads a source file, shown in messages as {@code name}: its text, or the file problem that
   * stops it being read (AEG100 unreadable, AEG106 not UTF-8, AEG107 too large, AEG108 binary).
   */
  LoadResult read(Path path, String name);

  /** The {@code .aegis} files directly in {@code dir} (for "did you mean" on {@code run}); empty when unknown. */
  List<Path> list(Path dir);

  /** Stdlib from the classpath ({@code stdlib/<name>.aegis} resources), files from disk. */
  static ModuleLoader classpath() { return new ClasspathModuleLoader(); }

  /** Stdlib from {@code <dir>/<name>.aegis} on disk, files from disk. */
  static ModuleLoader directory(Path stdlibDir) { return new DirectoryModuleLoader(stdlibDir); }

  /**
   * Everything from memory: {@code stdlib} maps module names to source text, {@code files} maps
   * paths (as {@link Path#of} reads them, normalized) to source text.
   */
  static ModuleLoader inMemory(Map<String, String> stdlib, Map<String, String> files) {
    return new InMemoryModuleLoader(stdlib, files);
  }

  /** Whether {@code name} may name a stdlib module (an identifier: no paths sneak into resource lookups). */
  static boolean isModuleName(String name) {
    return name != null && name.matches("[A-Za-z_][A-Za-z0-9_]*");
  }
}
