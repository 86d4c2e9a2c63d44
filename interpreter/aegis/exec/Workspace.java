package aegis.exec;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.eval.Env;
import aegis.eval.EvalException;
import aegis.eval.Evaluator;
import aegis.eval.Value;
import aegis.source.LoadResult;
import aegis.syntax.ParseResult;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.ImportDecl;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Nodes;
import aegis.syntax.ast.Stmt;
import aegis.types.CheckedProgram;
import aegis.types.Checker;
import aegis.types.ModuleInfo;
import aegis.types.ModuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads what a run needs: the runbook and its environment, read, parsed and checked, and the
 * environment's value evaluated. Anything wrong is a {@link LoadException} with the diagnostics
 * to show; nothing is run.
 */
public final class Workspace {
  /**
   * Where a workspace's files come from: the disk ({@link #LOCAL}), or a git commit whose files
   * appear under {@code root} (a directory that exists only for the workspace's loader).
   *
   * @param runbookLabel how plans and journals name the runbook (a {@code git+} URL); null: the path as given
   * @param gitCommit    the commit every file was read from; null for files on disk
   * @param root         the commit's root, against which recorded file paths are made relative; null for disk
   */
  public record Origin(String runbookLabel, String gitCommit, Path root) {
    /** Files on disk. */
    public static final Origin LOCAL = new Origin(null, null, null);

    /** The files of {@code commit}, shown under {@code root}; the runbook is named by {@code url}. */
    public static Origin git(String url, String commit, Path root) {
      return new Origin(url, commit, root);
    }
  }

  /**
   * A checked runbook and its environment, ready to plan or apply.
   *
   * @param files where the runbook's files are read from (templates too, while it runs)
   */
  public record Loaded(Path runbookPath, CheckedProgram runbook, Path environmentPath, CheckedProgram environment,
                       Value.Rec environmentValue, Function<String, ModuleInfo> modules, Origin origin, ModuleLoader files) {
    public String environmentName() { return environmentValue.get("name").show(); }

    /**
     * The runbook's file on disk: {@link #runbookPath} (as given, and as plans and journals
     * record it) resolved against the working directory it was loaded from.
     */
    public Path runbookFile() { return runbook.source().path().toAbsolutePath().normalize(); }

    /** Every file the runbook depends on besides itself: imported modules and runbooks it runs. */
    public Map<Path, String> dependencies() {
      var out = new LinkedHashMap<Path, String>();
      collect(runbook, out, new java.util.HashSet<>());
      out.remove(runbookFile());
      return out;
    }

    /** How plans and journals name the runbook: the path as given, or its {@code git+} URL. */
    public String runbookLabel() { return origin.runbookLabel() != null ? origin.runbookLabel() : runbookPath.toString(); }

    /** The commit the files were read from, or null for files on disk. */
    public String gitCommit() { return origin.gitCommit(); }

    /** How plans name a file: as it is on disk, or by its path inside the commit ({@code runbooks/lib/x.aegis}). */
    public String recordedPath(Path file) {
      if (origin.root() == null) return file.toString();
      return origin.root().relativize(origin.root().resolve(file).normalize()).toString();
    }
  }

  /** The runbook or environment cannot be used; the diagnostics say why. */
  public static final class LoadException extends Exception {
    private final transient List<Diagnostic> diagnostics;

    public LoadException(List<Diagnostic> diagnostics) {
      super(diagnostics.isEmpty() ? "cannot load" : diagnostics.getFirst().message());
      this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }
  }

  private final Checker checker;
  private final Path workingDirectory;
  private final Origin origin;

  /** A workspace over files on disk; relative paths are resolved against {@code workingDirectory}. */
  public Workspace(Checker checker, Path workingDirectory) {
    this(checker, workingDirectory, Origin.LOCAL);
  }

  /**
   * A workspace whose files come from the checker's {@link ModuleLoader} (all of them: runbook,
   * environment, modules, runbooks it runs, templates), e.g. the files of a git commit.
   */
  public Workspace(Checker checker, Path workingDirectory, Origin origin) {
    this.checker = checker;
    this.workingDirectory = workingDirectory;
    this.origin = origin;
  }

  /**
   * @param environment a name ({@code environments/NAME.aegis}, looked up from the working
   *                    directory and from the runbook's directory upwards) or a path
   */
  public Loaded load(Path runbookPath, String environment) throws LoadException {
    return load(runbookPath, environment, modules -> {});
  }

  /**
   * As {@link #load(Path, String)}, telling {@code imports} the stdlib modules the runbook imports
   * (by name) as soon as it is parsed, before it and they are checked: a run has their adapters
   * prepare meanwhile. Modules imported only by the files it imports are not told.
   */
  public Loaded load(Path runbookPath, String environment, Consumer<Set<String>> imports) throws LoadException {
    CheckedProgram runbook = checked(runbookPath, Header.Kind.RUNBOOK, imports);
    Path envPath = findEnvironment(environment, runbookPath);
    CheckedProgram env = checked(envPath, Header.Kind.ENVIRONMENT);
    Function<String, ModuleInfo> modules = modules(runbook, env);
    return new Loaded(runbookPath, runbook, envPath, env, evaluate(env, envPath, modules), modules, origin, files());
  }

  /**
   * Only an environment's value, for commands that need no runbook ({@code aegis sandbox}):
   * {@code environment} is a name (looked up from the working directory upwards) or a path.
   */
  public Value.Rec environment(String environment) throws LoadException {
    Path envPath = findEnvironment(environment, workingDirectory.resolve("."));
    CheckedProgram env = checked(envPath, Header.Kind.ENVIRONMENT);
    return evaluate(env, envPath, modules(env));
  }

  private Value.Rec evaluate(CheckedProgram env, Path envPath, Function<String, ModuleInfo> modules) throws LoadException {
    Value value;
    try {
      var evaluator = new Evaluator((fn, args, site) -> {
        throw EvalException.at(site, Code.AEG302, "an environment must not call " + fn.module() + "." + fn.name());
      }, modules, env);
      value = evaluator.eval(env, env.environmentValue(), Env.root());
    } catch (EvalException e) {
      throw new LoadException(List.of(e.diagnostic()));
    }
    if (!(value instanceof Value.Rec rec)) {
      throw new LoadException(List.of(Diagnostic.of(Code.AEG302, Span.fileStart(env.source()),
          envPath + " does not define an Environment value")));
    }
    return rec;
  }

  /**
   * Reads, parses and checks a file of the given kind; errors become a {@link LoadException}, with
   * the errors of the module files it imports and the runbooks it runs (the checker reports those
   * in their own files; a run must not start on a runbook that would fail half way).
   */
  public CheckedProgram checked(Path path, Header.Kind kind) throws LoadException {
    return checked(path, kind, modules -> {});
  }

  private CheckedProgram checked(Path path, Header.Kind kind, Consumer<Set<String>> imports) throws LoadException {
    SourceFile source = read(path);
    ParseResult parsed = Checker.parse(source);
    var stdlib = new LinkedHashSet<String>();
    for (var imp : parsed.ast().imports()) if (imp instanceof ImportDecl.Module m) stdlib.add(m.module().name());
    imports.accept(stdlib);
    CheckedProgram program = checker.check(parsed);
    var errors = new ArrayList<Diagnostic>();
    collectErrors(program, errors, new java.util.HashSet<>());
    if (!errors.isEmpty()) throw new LoadException(errors);
    if (program.kind() != kind) {
      throw new LoadException(List.of(Diagnostic.of(Code.AEG302, Span.fileStart(source),
          path + " is " + article(program.kind()) + ", not " + article(kind))));
    }
    return program;
  }

  private static String article(Header.Kind kind) {
    return switch (kind) {
      case RUNBOOK -> "a runbook";
      case MODULE -> "a module";
      case ENVIRONMENT -> "an environment";
    };
  }

  Path findEnvironment(String environment, Path runbookPath) throws LoadException {
    if (environment == null || environment.isBlank()) {
      throw new LoadException(List.of(Diagnostic.of(Code.AEG302, Span.fileStart(SourceFile.virtual("--env", "")),
          "no environment given: pass --env NAME (a file environments/NAME.aegis) or --env PATH")));
    }
    if (environment.endsWith(".aegis") || environment.contains("/")) return workingDirectory.resolve(environment);
    var tried = new ArrayList<Path>();
    var candidates = new ArrayList<Path>();
    candidates.add(workingDirectory);
    for (Path dir = workingDirectory.resolve(runbookPath).normalize().getParent(); dir != null; dir = dir.getParent()) {
      candidates.add(dir);
    }
    for (Path dir : candidates) {
      Path p = dir.resolve("environments").resolve(environment + ".aegis");
      tried.add(p);
      if (files().exists(p)) return p;
    }
    var known = new ArrayList<String>();
    for (Path dir : candidates) {
      var found = files().list(dir.resolve("environments"));
      if (found.isEmpty()) continue;
      found.stream().map(f -> f.getFileName().toString()).map(n -> n.substring(0, n.length() - 6)).sorted().forEach(known::add);
      break;
    }
    var d = Diagnostic.of(Code.AEG302, Span.fileStart(SourceFile.virtual("--env", "")),
        "unknown environment `" + environment + "`: no " + tried.getFirst().getFileName() + " in environments/ here or above "
            + runbookPath);
    if (!known.isEmpty()) d = d.withHint("known environments: " + String.join(", ", known));
    throw new LoadException(List.of(d));
  }

  /** Reads a file through the checker's loader, so that a git commit's files are read like files on disk. */
  private SourceFile read(Path path) throws LoadException {
    return switch (files().read(workingDirectory.resolve(path).normalize(), path.toString())) {
      case LoadResult.Loaded l -> l.file();
      case LoadResult.Rejected r -> throw new LoadException(List.of(r.problem()));
    };
  }

  private ModuleLoader files() { return checker.registry().loader(); }

  /** Finds modules by name for the evaluator: the stdlib, then modules imported by the given programs. */
  private Function<String, ModuleInfo> modules(CheckedProgram... programs) {
    var files = new HashMap<String, ModuleInfo>();
    var seen = new java.util.HashSet<CheckedProgram>();
    for (var p : programs) collectModules(p, files, seen);
    var registry = checker.registry();
    return name -> {
      var file = files.get(name);
      if (file != null) return file;
      return registry.stdlib(name);
    };
  }

  private static void collectModules(CheckedProgram p, Map<String, ModuleInfo> out, java.util.Set<CheckedProgram> seen) {
    if (p == null || !seen.add(p)) return;
    for (var imp : p.imports()) {
      if (imp.module() != null && imp.path() != null) {
        out.putIfAbsent(imp.module().name(), imp.module());
        collectModules(imp.module().program(), out, seen);
      }
    }
    for (Node n : Nodes.descendants(p.ast())) {
      if (n instanceof Stmt.Run run && p.runTarget(run) != null) collectModules(p.runTarget(run).program(), out, seen);
    }
  }

  private static void collectErrors(CheckedProgram p, List<Diagnostic> out, java.util.Set<CheckedProgram> seen) {
    if (p == null || !seen.add(p)) return;
    p.diagnostics().stream().filter(Diagnostic::isError).forEach(out::add);
    for (var imp : p.imports()) if (imp.module() != null && imp.path() != null) collectErrors(imp.module().program(), out, seen);
    for (Node n : Nodes.descendants(p.ast())) {
      if (n instanceof Stmt.Run run && p.runTarget(run) != null) collectErrors(p.runTarget(run).program(), out, seen);
    }
  }

  private static void collect(CheckedProgram p, Map<Path, String> out, java.util.Set<CheckedProgram> seen) {
    if (p == null || !seen.add(p)) return;
    if (p.source().path() != null) out.putIfAbsent(p.source().path().toAbsolutePath().normalize(), p.source().text());
    for (var imp : p.imports()) if (imp.module() != null && imp.path() != null) collect(imp.module().program(), out, seen);
    for (Node n : Nodes.descendants(p.ast())) {
      if (n instanceof Stmt.Run run && p.runTarget(run) != null) collect(p.runTarget(run).program(), out, seen);
    }
  }
}
