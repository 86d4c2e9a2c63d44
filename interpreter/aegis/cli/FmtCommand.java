package aegis.cli;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.format.Formatter;
import aegis.source.LoadResult;
import aegis.source.SourceFinder;
import aegis.source.SourceLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aegis fmt [--check] [PATH...]}: one canonical layout, comments kept. */
final class FmtCommand extends AegisCommand {
  List<String> paths = new ArrayList<>();
  boolean check;
  final ColorOption color = new ColorOption();

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "fmt",
            "Rewrite aegis files in the one canonical layout, keeping every comment. Formatting twice changes nothing.",
            "With --check nothing is written: the files that are not formatted are listed and the exit status is 1.")
        .addPositional(Specs.positional("PATH", () -> paths, v -> paths = v,
            "Files or directories (default: the current directory).")
            .arity("0..*").type(List.class).auxiliaryTypes(String.class).build())
        .addOption(Specs.option("--check", () -> check, v -> check = v,
            "List unformatted files instead of rewriting them; exit 1 when there are any.").type(boolean.class).build())
        .addMixin("color", color.spec());
  }

  @Override
  protected ExitCode execute() throws Exception {
    var found = new SourceFinder(context().workingDir()).find(paths.isEmpty() ? List.of(".") : paths);
    var status = ExitCode.OK;
    if (!found.problems().isEmpty()) {
      err().print(DiagnosticRenderer.render(found.problems(), color.enabled(context())));
      status = ExitCode.BAD_INPUT;
    }
    var loader = new SourceLoader();
    int changed = 0;
    for (var input : found.inputs()) {
      switch (loader.load(input.path(), input.name())) {
        case LoadResult.Rejected bad -> {
          err().print(DiagnosticRenderer.render(List.of(bad.problem()), color.enabled(context())));
          status = status.worst(ExitCode.BAD_INPUT);
        }
        case LoadResult.Loaded loaded -> {
          var result = Formatter.format(loaded.file());
          if (!result.formatted()) {
            err().print(DiagnosticRenderer.render(result.diagnostics(), color.enabled(context())));
            status = status.worst(ExitCode.FAILURE);
          } else if (result.changed()) {
            changed++;
            if (check) {
              out().println(input.name());
              status = status.worst(ExitCode.FAILURE);
            } else {
              Files.writeString(input.path(), result.text());
              out().println("formatted " + input.name());
            }
          }
        }
      }
    }
    if (check && changed > 0) err().println(changed + " file" + (changed == 1 ? " is" : "s are") + " not formatted: run aegis fmt");
    return status;
  }
}
