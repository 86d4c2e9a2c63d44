package aegis.types;

import aegis.source.LoadResult;
import aegis.syntax.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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

  /**
   * Every regular file directly in {@code dir}, sorted: a run lists a directory of manifests that
   * belong with its runbook. Files on disk unless the loader keeps its files elsewhere (a git
   * commit); a directory that is not there is an error.
   */
  default List<Path> listAll(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

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
    if (name == null || name.isEmpty()) return false;
    for (int i = 0; i < name.length(); i++) {   // [A-Za-z_][A-Za-z0-9_]*, without compiling a regex per call
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) return false;
    }
    return true;
  }
}
