package aegis.types;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.source.LoadResult;
import aegis.syntax.ParseResult;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code check} of a file together with everything it pulls in: module files it imports and
 * runbooks it runs are read and checked once per session, import cycles are found, and a runbook
 * that (indirectly) runs itself is not followed forever.
 */
final class Session {
  /** What loading an imported module or a {@code run} target gave. */
  sealed interface Loaded {}

  record Checked(CheckedProgram program) implements Loaded {}

  record Missing(Path path) implements Loaded {}

  /** The file is there but cannot be used; {@code problem} says why (AEG100, AEG106-AEG108). */
  record Failed(Diagnostic problem) implements Loaded {}

  /** The file is already being checked further up: an import cycle, or a runbook that runs itself. */
  record Recursive(Path path, String chain) implements Loaded {}

  private record Frame(Path path, String name) {}

  private final ModuleRegistry registry;
  private final Map<Path, CheckedProgram> modules = new HashMap<>();
  private final Map<Path, CheckedProgram> runbooks = new HashMap<>();
  private final Map<Path, String> cycles = new HashMap<>();
  private final Set<Path> running = new HashSet<>();
  private Deque<Frame> importing = new ArrayDeque<>();

  Session(ModuleRegistry registry) { this.registry = registry; }

  ModuleRegistry registry() { return registry; }

  /** Checks the file the session is for. */
  CheckedProgram checkRoot(ParseResult parsed, boolean stdlib) {
    var file = parsed.ast().source();
    var key = key(file);
    importing.push(new Frame(key, file.name()));
    running.add(key);
    try {
      return FileChecker.check(parsed, this, stdlib);
    } finally {
      importing.pop();
      running.remove(key);
    }
  }

  /** Loads and checks the module file {@code relative} to {@code importer}. */
  Loaded importModule(SourceFile importer, String relative) {
    var target = Target.of(importer, relative);
    if (target.unnamable() != null) return target.unnamable();
    var path = target.path();
    String name = target.name();
    var frames = new ArrayList<>(importing);
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).path().equals(path)) {
        var chain = new ArrayList<String>();
        for (int j = i; j >= 0; j--) chain.add(frames.get(j).name());
        chain.add(name);
        String text = String.join(" -> ", chain);
        cycles.putIfAbsent(path, text);
        return new Recursive(path, text);
      }
    }
    var cached = modules.get(path);
    if (cached != null) return new Checked(cached);
    var read = read(path, name);
    if (read.failure() != null) return read.failure();
    var source = read.file();
    var checkedBefore = registry.checkedModuleFile(path, source);
    if (checkedBefore != null) {
      modules.put(path, checkedBefore);
      return new Checked(checkedBefore);
    }
    importing.push(new Frame(path, name));
    try {
      var program = FileChecker.check(Parser.parse(source), this, false);
      modules.put(path, program);
      registry.rememberModuleFile(path, program);
      return new Checked(program);
    } finally {
      importing.pop();
    }
  }

  /** The cycle found while importing, that closes at {@code path}, or null; each is handed out once. */
  String takeCycle(SourceFile file) { return cycles.remove(key(file)); }

  /** Loads and checks the runbook {@code fileName} in the directory of {@code from}. */
  Loaded runbook(SourceFile from, String fileName) {
    var target = Target.of(from, fileName);
    if (target.unnamable() != null) return target.unnamable();
    var path = target.path();
    String name = target.name();
    if (running.contains(path)) return new Recursive(path, "");
    var cached = runbooks.get(path);
    if (cached != null) return new Checked(cached);
    var read = read(path, name);
    if (read.failure() != null) return read.failure();
    var source = read.file();
    var outer = importing;
    importing = new ArrayDeque<>();
    importing.push(new Frame(path, source.name()));
    running.add(path);
    try {
      var program = FileChecker.check(Parser.parse(source), this, false);
      runbooks.put(path, program);
      return new Checked(program);
    } finally {
      running.remove(path);
      importing = outer;
    }
  }

  /** The names of the runbooks next to {@code from} (for "did you mean"). */
  List<String> siblingRunbooks(SourceFile from) {
    var dir = base(from).getParent();
    return registry.loader().list(dir == null ? Path.of("") : dir).stream().map(DiskFiles::stem)
        .map(n -> n.replace('-', '_')).toList();
  }

  /**
   * A module by its declared name, for method lookup on its types: core, a module file checked in
   * this session, or a stdlib module.
   */
  ModuleInfo module(String name, ModuleInfo core) {
    if (name.equals(Types.CORE)) return core;
    for (var p : modules.values()) {
      if (p.module() != null && p.module().name().equals(name)) return p.module();
    }
    return registry.stdlib(name);
  }

  /** Why a file cannot be used, without the "cannot read `name`: " its message may start with. */
  static String reason(Diagnostic problem) {
    return problem.message().replaceFirst("^cannot read `[^`]*`: ", "");
  }

  /** A file's text, or why it could not be read. */
  private record Read(SourceFile file, Loaded failure) {}

  private Read read(Path path, String name) {
    var loader = registry.loader();
    if (!loader.exists(path)) return new Read(null, new Missing(path));
    return switch (loader.read(path, name)) {
      case LoadResult.Loaded l -> new Read(l.file(), null);
      case LoadResult.Rejected r -> new Read(null, new Failed(r.problem()));
    };
  }

  /**
   * The file {@code relative} to {@code from} names: its path and display name, or why it cannot
   * exist ({@code unnamable}: a character the file system's encoding lacks, a NUL).
   */
  private record Target(Path path, String name, Failed unnamable) {
    static Target of(SourceFile from, String relative) {
      try {
        return new Target(sibling(from, relative), siblingName(from, relative), null);
      } catch (InvalidPathException e) {
        return new Target(null, null, new Failed(Diagnostic.of(Code.AEG100, Span.fileStart(from),
            "cannot read `" + relative + "`: the file system cannot name it (" + e.getReason() + ")")));
      }
    }
  }

  private static Path base(SourceFile f) { return f.path() != null ? f.path() : Path.of(f.name()); }

  private static Path key(SourceFile f) { return base(f).normalize(); }

  private static Path sibling(SourceFile f, String relative) {
    return base(f).resolveSibling(relative).normalize();
  }

  private static String siblingName(SourceFile f, String relative) {
    return Path.of(f.name()).resolveSibling(relative).normalize().toString();
  }
}
