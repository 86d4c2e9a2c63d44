package aegis.exec;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.eval.Env;
import aegis.eval.EvalException;
import aegis.eval.Evaluator;
import aegis.eval.Value;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.Header;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Nodes;
import aegis.syntax.ast.Stmt;
import aegis.types.CheckedProgram;
import aegis.types.Checker;
import aegis.types.ModuleInfo;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads what a run needs: the runbook and its environment, read, parsed and checked, and the
 * environment's value evaluated. Anything wrong is a {@link LoadException} with the diagnostics
 * to show; nothing is run.
 */
public final class Workspace {
  /** A checked runbook and its environment, ready to plan or apply. */
  public record Loaded(Path runbookPath, CheckedProgram runbook, Path environmentPath, CheckedProgram environment,
                       Value.Rec environmentValue, Function<String, ModuleInfo> modules) {
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

  public Workspace(Checker checker, Path workingDirectory) {
    this.checker = checker;
    this.workingDirectory = workingDirectory;
  }

  /**
   * @param environment a name ({@code environments/NAME.aegis}, looked up from the working
   *                    directory and from the runbook's directory upwards) or a path
   */
  public Loaded load(Path runbookPath, String environment) throws LoadException {
    CheckedProgram runbook = checked(runbookPath, Header.Kind.RUNBOOK);
    Path envPath = findEnvironment(environment, runbookPath);
    CheckedProgram env = checked(envPath, Header.Kind.ENVIRONMENT);
    Function<String, ModuleInfo> modules = modules(runbook, env);
    return new Loaded(runbookPath, runbook, envPath, env, evaluate(env, envPath, modules), modules);
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

  /** Reads, parses and checks a file of the given kind; errors become a {@link LoadException}. */
  public CheckedProgram checked(Path path, Header.Kind kind) throws LoadException {
    SourceFile source = read(path);
    CheckedProgram program = checker.check(source);
    if (program.hasErrors()) {
      throw new LoadException(program.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
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
    for (Path dir = runbookPath.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) candidates.add(dir);
    for (Path dir : candidates) {
      Path p = dir.resolve("environments").resolve(environment + ".aegis");
      tried.add(p);
      if (Files.isRegularFile(p)) return p;
    }
    var known = new ArrayList<String>();
    for (Path dir : candidates) {
      Path envDir = dir.resolve("environments");
      if (!Files.isDirectory(envDir)) continue;
      try (var files = Files.list(envDir)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".aegis"))
            .map(n -> n.substring(0, n.length() - 6)).sorted().forEach(known::add);
      } catch (IOException ignored) {
        // the list of known environments is a courtesy
      }
      break;
    }
    var d = Diagnostic.of(Code.AEG302, Span.fileStart(SourceFile.virtual("--env", "")),
        "unknown environment `" + environment + "`: no " + tried.getFirst().getFileName() + " in environments/ here or above "
            + runbookPath);
    if (!known.isEmpty()) d = d.withHint("known environments: " + String.join(", ", known));
    throw new LoadException(List.of(d));
  }

  private SourceFile read(Path path) throws LoadException {
    Path resolved = workingDirectory.resolve(path);
    var file = SourceFile.virtual(path.toString(), "");
    try {
      byte[] bytes = Files.readAllBytes(resolved);
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      // Shown as given; read (and its imports resolved) from the working directory, which need not
      // be the process's (the CLI runs in-process in tests).
      return new SourceFile(path.toString(), resolved, text);
    } catch (CharacterCodingException e) {
      throw new LoadException(List.of(Diagnostic.of(Code.AEG106, Span.fileStart(file), 0)));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new LoadException(List.of(Diagnostic.of(Code.AEG100, Span.fileStart(file), "no such file: " + path)));
    } catch (IOException e) {
      throw new LoadException(List.of(Diagnostic.of(Code.AEG100, Span.fileStart(file), "cannot read " + path + ": " + e.getMessage())));
    }
  }

  /** Finds modules by name for the evaluator: the stdlib, then modules imported by the given programs. */
  private Function<String, ModuleInfo> modules(CheckedProgram... programs) {
    var files = new HashMap<String, ModuleInfo>();
    var seen = new java.util.HashSet<CheckedProgram>();
    for (var p : programs) collectModules(p, files, seen);
    var registry = checker.registry();
    return name -> {
      var file = files.get(name);
      if (file != null) return file;
      return registry.stdlibNames().contains(name) ? registry.stdlib(name) : null;
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

  private static void collect(CheckedProgram p, Map<Path, String> out, java.util.Set<CheckedProgram> seen) {
    if (p == null || !seen.add(p)) return;
    if (p.source().path() != null) out.putIfAbsent(p.source().path().toAbsolutePath().normalize(), p.source().text());
    for (var imp : p.imports()) if (imp.module() != null && imp.path() != null) collect(imp.module().program(), out, seen);
    for (Node n : Nodes.descendants(p.ast())) {
      if (n instanceof Stmt.Run run && p.runTarget(run) != null) collect(p.runTarget(run).program(), out, seen);
    }
  }
}
