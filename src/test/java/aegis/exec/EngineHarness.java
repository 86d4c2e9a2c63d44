package aegis.exec;

import aegis.adapters.BuiltinModule;
import aegis.adapters.BuiltinRegistry;
import aegis.adapters.Builtins;
import aegis.eval.Value;
import aegis.exec.journal.AegisHome;
import aegis.exec.journal.RunStore;
import aegis.exec.lock.EnvironmentLocks;
import aegis.syntax.SourceFile;
import aegis.types.Checker;
import aegis.types.ModuleLoader;
import aegis.types.ModuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs runbooks written in a test against the real stdlib plus the {@link FakeModule}, with the
 * project's own environments (the working directory is the project root).
 */
final class EngineHarness {
  final FakeModule fake = new FakeModule();
  final Path dir;
  final AegisHome home;
  final Checker checker;
  final Engine engine;

  EngineHarness(Path dir, Clock clock) {
    this.dir = dir;
    this.home = new AegisHome(dir.resolve(".aegis"));
    var classpath = ModuleLoader.classpath();
    var loader = new ModuleLoader() {
      public SourceFile stdlib(String name) {
        return name.equals("fake") ? SourceFile.virtual("stdlib/fake.aegis", FakeModule.DECLARATION) : classpath.stdlib(name);
      }

      public Set<String> stdlibNames() {
        var all = new java.util.TreeSet<>(classpath.stdlibNames());
        all.add("fake");
        return all;
      }

      public aegis.source.LoadResult read(Path path, String name) { return classpath.read(path, name); }

      public boolean exists(Path path) { return classpath.exists(path); }

      public List<Path> list(Path d) { return classpath.list(d); }
    };
    this.checker = new Checker(new ModuleRegistry(loader));
    var modules = new ArrayList<BuiltinModule>(Builtins.modules());
    modules.add(fake);
    this.engine = new Engine(new BuiltinRegistry(modules), new RunStore(home), new EnvironmentLocks(home), "test", clock);
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  Workspace.Loaded load(Path runbook) throws Workspace.LoadException {
    return new Workspace(checker, Path.of("").toAbsolutePath()).load(runbook, "sandbox");
  }

  Map<String, Value> inputs(Workspace.Loaded loaded, String... sets) {
    return Inputs.parse(loaded.runbook().params(), List.of(sets), loaded.environmentValue(), System.getenv());
  }
}
