package aegis.prplan;

import aegis.diagnostics.Diagnostic;
import aegis.eval.Value;
import aegis.exec.Engine;
import aegis.exec.Inputs;
import aegis.exec.Workspace;
import aegis.plan.Plan;
import aegis.plan.PlanDiagnostic;
import aegis.source.LoadResult;
import aegis.source.git.CommitFiles;
import aegis.source.git.GitRepository;
import aegis.source.git.GitSourceException;
import aegis.syntax.Parser;
import aegis.syntax.ast.Header;
import aegis.types.Checker;
import aegis.types.ModuleRegistry;
import aegis.types.Symbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@code aegis pr-plan}: which runbooks a change between two commits affects, and how their plans
 * change. A runbook, in an environment, is affected when a file it depends on differs between the
 * commits: itself, a module it imports, a runbook it runs, the environment (and the places the
 * environment was looked for), a template it renders. Those are exactly the files its check and
 * plan read at the head (see {@link ProbingLoader}): a runbook none of whose files changed plans
 * the same at both commits. Each affected runbook is planned at both commits (offline unless
 * asked otherwise) and the planned actions are compared ({@link PlanDiff}).
 */
public final class PrPlan {
  /**
   * @param roots        the directories (repository paths) runbooks are looked for in; empty: the whole repository
   * @param environments the environments to plan in; empty: every {@code environments/NAME.aegis} at either commit
   * @param assignments  {@code --set NAME=VALUE}, given to every runbook that has a param {@code NAME}
   * @param variables    where {@code NAME=env:VAR} reads a secret input from
   * @param live         plan against the live systems; by default nothing is contacted and every read is unknown
   */
  public record Options(List<String> roots, List<String> environments, List<String> assignments, Map<String, String> variables,
                        boolean live) {
    public Options {
      roots = roots.stream().map(r -> r.replaceAll("^(\\./)+|/+$", "")).filter(r -> !r.isEmpty() && !r.equals(".")).toList();
      environments = List.copyOf(environments);
      assignments = List.copyOf(assignments);
      variables = Map.copyOf(variables);
    }
  }

  /** An environment named with {@code --env} is at neither commit. */
  public static final class UnknownEnvironmentException extends Exception {
    public UnknownEnvironmentException(String message) {
      super(message);
    }
  }

  private static final String ENVIRONMENTS = "environments";

  private final Engine engine;
  private final Options options;

  public PrPlan(Engine engine, Options options) {
    this.engine = engine;
    this.options = options;
  }

  /** Compares {@code baseRef} with {@code headRef} in {@code repo}. */
  public PrPlanReport run(GitRepository repo, String baseRef, String headRef, aegis.types.ModuleLoader stdlib)
      throws GitSourceException, UnknownEnvironmentException {
    CommitFiles baseFiles = repo.at(baseRef, stdlib);
    CommitFiles headFiles = repo.at(headRef, stdlib);
    var changed = repo.changedPaths(baseFiles, headFiles);
    var base = new Tree(baseFiles);
    var head = new Tree(headFiles);
    var environments = environments(base, head);
    var out = new ArrayList<RunbookChange>();
    if (!changed.isEmpty()) {
      var runbooks = new TreeSet<>(base.runbooks);
      runbooks.addAll(head.runbooks);
      for (String runbook : runbooks) {
        for (String environment : environments) {
          RunbookChange change = compare(base, head, runbook, environment, changed);
          if (change != null) out.add(change);
        }
      }
    }
    return new PrPlanReport(new PrPlanReport.Commit(baseRef, baseFiles.commit()), new PrPlanReport.Commit(headRef, headFiles.commit()),
        !options.live(), List.copyOf(changed), out);
  }

  private List<String> environments(Tree base, Tree head) throws UnknownEnvironmentException {
    var known = new TreeSet<>(base.environments);
    known.addAll(head.environments);
    if (options.environments().isEmpty()) return List.copyOf(known);
    for (String name : options.environments()) {
      if (!known.contains(name)) {
        throw new UnknownEnvironmentException("no environment `" + name + "` (environments/" + name + ".aegis) at the base or the "
            + "head" + (known.isEmpty() ? "" : "; known: " + String.join(", ", known)));
      }
    }
    return List.copyOf(new TreeSet<>(options.environments()));
  }

  /** The change to one runbook in one environment, or null when the pull request does not affect it. */
  private RunbookChange compare(Tree base, Tree head, String runbook, String environment, Set<String> changed) {
    boolean atBase = base.has(runbook, environment);
    boolean atHead = head.has(runbook, environment);
    if (!atBase && !atHead) return null;
    String envFile = ENVIRONMENTS + "/" + environment + ".aegis";
    if (!atBase) {
      var why = List.of(base.runbooks.contains(runbook) ? envFile : runbook);
      return decide(runbook, environment, why, new Side.Absent(), head.plan(runbook, environment));
    }
    if (!atHead) {
      var why = List.of(head.runbooks.contains(runbook) ? envFile : runbook);
      return decide(runbook, environment, why, base.plan(runbook, environment), new Side.Absent());
    }
    Set<String> probed = ConcurrentHashMap.newKeySet();
    Side headSide = head.planIf(runbook, environment, probed, () -> touches(probed, changed) || mayRead(runbook, probed, changed));
    List<String> because = probed.stream().filter(changed::contains).sorted().toList();
    if (because.isEmpty()) return null;
    return decide(runbook, environment, because, base.plan(runbook, environment), headSide);
  }

  private static boolean touches(Set<String> probed, Set<String> changed) {
    return probed.stream().anyMatch(changed::contains);
  }

  /**
   * Whether the runbook's plan may read a changed file its check did not: templates are read from
   * the runbook's directory (and below) while it is planned.
   */
  private static boolean mayRead(String runbook, Set<String> probed, Set<String> changed) {
    int slash = runbook.lastIndexOf('/');
    String dir = slash < 0 ? "" : runbook.substring(0, slash + 1);
    return changed.stream().anyMatch(p -> p.startsWith(dir) && !probed.contains(p));
  }

  private static RunbookChange decide(String runbook, String environment, List<String> because, Side base, Side head) {
    Plan basePlan = base instanceof Side.Planned p ? p.plan() : null;
    return switch (head) {
      case Side.Failed f -> new RunbookChange(runbook, environment, RunbookChange.Status.ERROR, because, base, head, List.of());
      case Side.Skipped s -> new RunbookChange(runbook, environment, RunbookChange.Status.SKIPPED, because, base, head, List.of());
      case Side.Absent a -> new RunbookChange(runbook, environment, RunbookChange.Status.REMOVED, because, base, head,
          PlanDiff.between(basePlan, null));
      case Side.Planned p -> {
        var changes = PlanDiff.between(basePlan, p.plan());
        RunbookChange.Status status = base instanceof Side.Absent ? RunbookChange.Status.ADDED
            : changes.isEmpty() && basePlan != null ? RunbookChange.Status.UNCHANGED : RunbookChange.Status.CHANGED;
        yield new RunbookChange(runbook, environment, status, because, base, head, changes);
      }
    };
  }

  /** One commit: its runbooks and environments, and a workspace whose reads are probed. */
  private final class Tree {
    final ProbingLoader loader;
    final Workspace workspace;
    final Set<String> runbooks = new TreeSet<>();
    final Set<String> environments = new TreeSet<>();

    Tree(CommitFiles files) {
      this.loader = new ProbingLoader(files);
      var origin = new Workspace.Origin(null, files.commit(), files.root());
      this.workspace = new Workspace(new Checker(new ModuleRegistry(loader)), files.root(), origin);
      for (String path : files.sourceFiles()) {
        boolean wanted = options.roots().isEmpty() || options.roots().stream().anyMatch(r -> path.startsWith(r + "/"));
        if (wanted && files.read(files.pathOf(path), path) instanceof LoadResult.Loaded l
            && Parser.parse(l.file()).ast().header() instanceof Header.Runbook) {
          runbooks.add(path);
        }
      }
      for (Path env : files.list(files.pathOf(ENVIRONMENTS))) {
        String name = env.getFileName().toString();
        environments.add(name.substring(0, name.length() - ".aegis".length()));
      }
    }

    boolean has(String runbook, String environment) {
      return runbooks.contains(runbook) && environments.contains(environment);
    }

    Side plan(String runbook, String environment) {
      return planIf(runbook, environment, ConcurrentHashMap.newKeySet(), () -> true);
    }

    /** Loads the runbook, noting what it reads into {@code probed}; plans it if {@code wanted} says so after the load, else null. */
    Side planIf(String runbook, String environment, Set<String> probed, BooleanSupplier wanted) {
      loader.record(probed);
      try {
        Workspace.Loaded loaded;
        try {
          loaded = workspace.load(Path.of(runbook), environment);
        } catch (Workspace.LoadException e) {
          return new Side.Failed(e.diagnostics().stream().map(PrPlan::line).toList());
        }
        if (!wanted.getAsBoolean()) return null;
        Map<String, Value> inputs;
        try {
          inputs = inputs(loaded);
        } catch (Inputs.InputException e) {
          return new Side.Skipped(e.getMessage());
        }
        Plan plan = engine.plan(loaded, inputs, !options.live(), null);
        if (plan.hasErrors()) {
          return new Side.Failed(plan.diagnostics().stream().filter(PlanDiagnostic::error)
              .map(d -> (d.location() == null ? "" : d.location() + ": ") + d.message()).toList());
        }
        return new Side.Planned(plan);
      } finally {
        loader.stop();
      }
    }
  }

  /** The {@code --set} assignments this runbook has params for. */
  private Map<String, Value> inputs(Workspace.Loaded loaded) {
    Set<String> params = loaded.runbook().params().stream().map(Symbol::name).collect(Collectors.toSet());
    var mine = options.assignments().stream().filter(a -> a.indexOf('=') > 0 && params.contains(a.substring(0, a.indexOf('=')).strip()))
        .toList();
    return Inputs.parse(loaded.runbook().params(), mine, loaded.environmentValue(), options.variables());
  }

  private static String line(Diagnostic d) {
    return d.span().file().name() + ":" + d.span().line() + ":" + d.span().column() + ": " + d.message();
  }
}
