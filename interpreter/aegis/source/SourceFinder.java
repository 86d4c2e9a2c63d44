package aegis.source;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the paths a user names into the source files to read. A file is taken as it is, whatever
 * its name (it was asked for); a directory is walked for {@code *.aegis} files, skipping hidden
 * directories ({@code .git}, {@code .aegis}), and its files come back sorted. A path that does not
 * exist, or a directory with no {@code .aegis} file, is a problem (AEG100), not an empty result.
 */
public final class SourceFinder {
  /** The extension of aegis source files. */
  public static final String EXTENSION = ".aegis";

  /** A file to read and the name it is shown under. */
  public record Input(Path path, String name) {}

  /** The files found, in order and without duplicates, and the paths that gave none. */
  public record Found(List<Input> inputs, List<Diagnostic> problems) {
    public Found {
      inputs = List.copyOf(inputs);
      problems = List.copyOf(problems);
    }
  }

  private final Path workingDir;

  /** Relative paths are resolved against {@code workingDir} and shown relative to it. */
  public SourceFinder(Path workingDir) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
  }

  public Found find(List<String> paths) {
    Map<Path, Input> inputs = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String arg : paths) {
      Path typed = Path.of(arg);
      Path path = workingDir.resolve(typed).normalize();
      if (Files.isDirectory(path)) {
        walk(path, typed.isAbsolute(), arg, inputs, problems);
      } else if (Files.exists(path) || Files.isSymbolicLink(path)) {
        inputs.putIfAbsent(path, new Input(path, arg));
      } else {
        problems.add(problem(path, arg, "cannot read `" + arg + "`: no such file or directory"));
      }
    }
    return new Found(new ArrayList<>(inputs.values()), problems);
  }

  private void walk(Path dir, boolean absolute, String arg, Map<Path, Input> inputs,
                    List<Diagnostic> problems) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          boolean hidden = !d.equals(dir) && d.getFileName().toString().startsWith(".");
          return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().endsWith(EXTENSION) && !attrs.isDirectory()) found.add(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String name = displayName(file, absolute);
          problems.add(problem(file, name, "cannot read `" + name + "`: " + SourceLoader.describe(e)));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(problem(dir, arg, "cannot read `" + arg + "`: " + SourceLoader.describe(e)));
      return;
    }
    if (found.isEmpty()) {
      problems.add(problem(dir, arg, "no " + EXTENSION + " files in `" + arg + "`")
          .withHint("name the files or directories that hold your runbooks, e.g. `aegis check runbooks/`"));
      return;
    }
    found.sort(null);
    for (Path file : found) inputs.putIfAbsent(file, new Input(file, displayName(file, absolute)));
  }

  private String displayName(Path file, boolean absolute) {
    return absolute ? file.toString() : workingDir.relativize(file).toString();
  }

  private static Diagnostic problem(Path path, String name, String message) {
    return Diagnostic.of(Code.AEG100, Span.fileStart(new SourceFile(name, path, "")), message);
  }
}
