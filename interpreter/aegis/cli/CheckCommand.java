package aegis.cli;

import aegis.diagnostics.Diagnostic;
import aegis.diagnostics.Diagnostics;
import aegis.source.LoadResult;
import aegis.source.SourceFinder;
import aegis.source.SourceLoader;
import aegis.syntax.SourceFile;
import aegis.types.Checker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code aegis check [PATH...]}: parse and check runbooks, modules and environments. */
final class CheckCommand extends AegisCommand {
  List<String> paths = new ArrayList<>();
  int maxPerFile = 50;
  final FormatOption format = new FormatOption();
  final ColorOption color = new ColorOption();

  @Override
  protected CommandSpec describe() {
    return Specs.command(this, "check",
            "Parse and check aegis files and report every problem found, without running anything.",
            "Directories are searched for *.aegis files (hidden directories are skipped); "
                + "named files are checked whatever their name.")
        .addPositional(Specs.positional("PATH", () -> paths, v -> paths = v,
            "Files or directories to check (default: the current directory).")
            .arity("0..*").type(List.class).auxiliaryTypes(String.class).build())
        .addOption(Specs.option("--max-errors", () -> maxPerFile, v -> maxPerFile = v,
            "Show at most N diagnostics per file in text output, then how many more there are; "
                + "0 shows all (default: ${DEFAULT-VALUE}). JSON output always has every diagnostic.")
            .paramLabel("N").type(int.class).defaultValue("50").build())
        .addMixin("format", format.spec())
        .addMixin("color", color.spec());
  }

  @Override
  protected ExitCode execute() throws Exception {
    if (maxPerFile < 0) throw new ParameterException(commandLine(), "--max-errors must be 0 or more, not " + maxPerFile);
    CheckReport report = check(paths.isEmpty() ? List.of(".") : paths);
    switch (format.format()) {
      case TEXT -> new TextReport(out(), color.enabled(context()), maxPerFile).write(report);
      case JSON -> JsonReport.write(report, out());
    }
    return report.exitCode();
  }

  private CheckReport check(List<String> targets) {
    SourceFinder.Found found = new SourceFinder(context().workingDir()).find(targets);
    List<FileReport> rejected = new ArrayList<>();
    for (Diagnostic problem : found.problems()) rejected.add(rejected(problem));

    SourceLoader loader = new SourceLoader();
    List<SourceFile> sources = new ArrayList<>();
    for (SourceFinder.Input input : found.inputs()) {
      switch (loader.load(input.path(), input.name())) {
        case LoadResult.Loaded loaded -> sources.add(loaded.file());
        case LoadResult.Rejected bad -> rejected.add(rejected(bad.problem()));
      }
    }

    // Files are parsed and checked in parallel: a cold JVM spends most of a check interpreting the
    // parser and the checker, which share nothing per file but the (thread-safe) stdlib registry.
    Diagnostics diagnostics = new Diagnostics();
    for (var checked : Checker.standard().checkEach(sources)) diagnostics.addAll(diagnosticsOf(checked));

    // One report per file, in the order found; a diagnostic in a file that was not named (an
    // imported module) gets a report of its own after them.
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (SourceFile source : sources) byFile.put(source.name(), new ArrayList<>());
    for (Diagnostic d : diagnostics.sorted()) {
      byFile.computeIfAbsent(d.span().file().name(), name -> new ArrayList<>()).add(d);
    }
    List<FileReport> files = new ArrayList<>(rejected);
    byFile.forEach((name, ds) -> files.add(new FileReport(name, FileReport.Status.CHECKED, ds)));
    return new CheckReport(files);
  }

  /** A file's syntax errors and the checker's findings beyond them. */
  private static List<Diagnostic> diagnosticsOf(Checker.FileCheck checked) {
    var syntax = checked.parsed().diagnostics();
    var out = new ArrayList<>(syntax);
    var seen = new HashSet<>(syntax);
    for (var d : checked.program().diagnostics()) if (!seen.contains(d)) out.add(d);
    return out;
  }

  private static FileReport rejected(Diagnostic problem) {
    return new FileReport(problem.span().file().name(), FileReport.Status.REJECTED, List.of(problem));
  }
}
