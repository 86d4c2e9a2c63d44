package aegis.cli;

import aegis.doc.JsonDoc;
import aegis.doc.ModuleDoc;
import aegis.doc.ModuleDocs;
import aegis.doc.TextDoc;
import aegis.source.LoadResult;
import aegis.source.SourceLoader;
import aegis.types.Checker;
import aegis.types.ModuleLoader;
import aegis.types.ModuleRegistry;
import aegis.types.Suggestions;
import java.nio.file.Files;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code aegis doc [MODULE]}: the documentation of a stdlib module (or a module file), made from its
 * declarations, the same ones the checker reads; without MODULE, the list of modules.
 */
final class DocCommand extends AegisCommand {
  String module;
  final FormatOption format = new FormatOption();
  final ColorOption color = new ColorOption();

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "doc",
            "Show a module's records (fields, types, defaults), enums and functions (signatures, effects), "
                + "with their documentation, from the declarations in stdlib/.",
            "Without MODULE, list the modules of the standard library with a one-line summary each.")
        .addPositional(Specs.positional("MODULE", () -> module, v -> module = v,
            "A stdlib module (e.g. k8s), or the path of a module file (e.g. runbooks/lib/rows.aegis).")
            .arity("0..1").type(String.class).build())
        .addMixin("format", format.spec())
        .addMixin("color", color.spec());
  }

  @Override
  protected ExitCode execute() throws Exception {
    var registry = ModuleRegistry.standard();
    if (module == null) {
      List<ModuleDoc> all = ModuleDocs.all(registry);
      switch (format.format()) {
        case TEXT -> new TextDoc(out(), color.enabled(context())).list(all);
        case JSON -> JsonDoc.list(all, out());
      }
      return ExitCode.OK;
    }
    if (isPath(module)) return moduleFile();
    var info = ModuleLoader.isModuleName(module) ? registry.stdlib(module) : null;
    if (info == null) {
      String near = Suggestions.closest(module, registry.stdlibNames());
      err().println("aegis: unknown module `" + module + "`" + (near == null ? "" : " (did you mean `" + near + "`?)"));
      err().println("Run `aegis doc` for the list of modules.");
      return ExitCode.USAGE;
    }
    show(ModuleDocs.of(info));
    return ExitCode.OK;
  }

  /** A module file of one's own, e.g. {@code runbooks/lib/rows.aegis}: checked first, documented if clean. */
  private ExitCode moduleFile() throws Exception {
    var path = context().workingDir().resolve(module);
    if (!Files.isRegularFile(path)) {
      err().println("aegis: no module file `" + module + "`");
      return ExitCode.BAD_INPUT;
    }
    switch (new SourceLoader().load(path, module)) {
      case LoadResult.Rejected bad -> {
        err().println("aegis: " + bad.problem().message());
        return ExitCode.BAD_INPUT;
      }
      case LoadResult.Loaded loaded -> {
        var program = Checker.standard().check(loaded.file());
        if (program.module() == null) {
          err().println("aegis: `" + module + "` is not a module file (it does not start with `module NAME`)");
          return ExitCode.BAD_INPUT;
        }
        if (program.hasErrors()) {
          err().println("aegis: `" + module + "` has errors; `aegis check " + module + "` shows them");
          return ExitCode.FAILURE;
        }
        show(ModuleDocs.of(program.module()));
        return ExitCode.OK;
      }
    }
  }

  private void show(ModuleDoc doc) throws Exception {
    switch (format.format()) {
      case TEXT -> new TextDoc(out(), color.enabled(context())).module(doc);
      case JSON -> JsonDoc.module(doc, out());
    }
  }

  private static boolean isPath(String argument) {
    return argument.endsWith(".aegis") || argument.contains("/") || argument.contains("\\");
  }
}
