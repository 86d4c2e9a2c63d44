package aegis.bench;

import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Stmt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A generated corpus of realistic runbooks, for throughput benchmarks: each file takes one real
 * runbook's prelude (header, imports, params, window, top-level lets, on failure, finally) and then
 * its steps, loops and ifs drawn at random until the file is about {@code linesPerFile} long, each
 * copy with its own step names. So the shapes, the stdlib calls and the density of lambdas,
 * interpolation and checks are those of the real runbooks, and every file checks cleanly. The real
 * runbooks and their {@code lib/} are copied beside the generated files so that file imports and
 * {@code run} targets resolve as they do in {@code runbooks/}.
 */
final class RunbookCorpus {
  /** A runbook split into what every copy keeps and the statements copies are made of. */
  private record Shape(String name, String prelude, List<String> statements) {}

  private RunbookCorpus() {}

  /**
   * Writes at least {@code minLines} lines of generated runbooks into {@code dir} (emptied first)
   * and returns the generated files, read back; same seed, same corpus.
   */
  static List<SourceFile> generate(Path projectRoot, Path dir, int minLines, int linesPerFile, long seed) throws IOException {
    Path runbooks = projectRoot.resolve("runbooks");
    reset(dir);
    copyTree(runbooks, dir);
    var shapes = new ArrayList<Shape>();
    try (Stream<Path> files = Files.list(runbooks)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".aegis")).sorted().toList()) shapes.add(shape(p));
    }
    var random = new SplittableRandom(seed);
    var out = new ArrayList<SourceFile>();
    int lines = 0;
    for (int n = 0; lines < minLines; n++) {
      var shape = shapes.get(n % shapes.size());
      var text = new StringBuilder(shape.prelude());
      int copy = 0;
      while (text.toString().lines().count() < linesPerFile) {
        String statement = shape.statements().get(random.nextInt(shape.statements().size()));
        text.append(statement.replace("step \"", "step \"[" + copy++ + "] "));
      }
      Path file = dir.resolve(String.format("gen-%04d-%s", n, shape.name()));
      Files.writeString(file, text, StandardCharsets.UTF_8);
      var source = SourceFile.of(file, text.toString());
      lines += source.lineCount();
      out.add(source);
    }
    return out;
  }

  static int lines(List<SourceFile> files) {
    return files.stream().mapToInt(SourceFile::lineCount).sum();
  }

  /** Top-level steps, loops and ifs (each with the comments above it) apart from everything else. */
  private static Shape shape(Path runbook) throws IOException {
    String text = Files.readString(runbook);
    var ast = Parser.parse(SourceFile.of(runbook, text)).ast();
    int from = ast.decls().isEmpty() ? text.length() : ast.decls().getFirst().span().start();
    var prelude = new StringBuilder(text.substring(0, from));
    var statements = new ArrayList<String>();
    for (Decl d : ast.decls()) {
      int end = d.span().end();
      String piece = text.substring(from, end) + "\n";
      if (d instanceof Stmt.Step || d instanceof Stmt.For || d instanceof Stmt.If) statements.add(piece);
      else prelude.append(piece);
      from = end;
    }
    if (statements.isEmpty()) throw new IllegalStateException(runbook + " has no steps to copy");
    return new Shape(runbook.getFileName().toString(), prelude.toString(), statements);
  }

  private static void reset(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    Files.createDirectories(dir);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      all.forEach(p -> {
        try {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) Files.createDirectories(target);
          else Files.copy(p, target);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
