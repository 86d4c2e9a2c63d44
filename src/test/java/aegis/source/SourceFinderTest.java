package aegis.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFinderTest {
  @TempDir
  Path dir;

  SourceFinder finder;

  @BeforeEach
  void setUp() throws IOException {
    finder = new SourceFinder(dir);
    for (String name : List.of("runbooks/deploy.aegis", "runbooks/b/x.aegis", "runbooks/a.aegis",
        "runbooks/.hidden/h.aegis", "runbooks/README.md", "environments/prod.aegis")) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "");
    }
  }

  static List<String> names(SourceFinder.Found found) {
    return found.inputs().stream().map(SourceFinder.Input::name).toList();
  }

  @Test
  void walksDirectoriesSortedAndShowsPathsAsTyped() {
    var found = finder.find(List.of("runbooks", "environments/"));
    assertEquals(List.of("runbooks/a.aegis", "runbooks/b/x.aegis", "runbooks/deploy.aegis",
        "environments/prod.aegis"), names(found));
    assertEquals(List.of(), found.problems());
  }

  @Test
  void theWorkingDirectoryGivesRelativeNames() {
    assertEquals(List.of("environments/prod.aegis", "runbooks/a.aegis", "runbooks/b/x.aegis",
        "runbooks/deploy.aegis"), names(finder.find(List.of("."))));
  }

  @Test
  void absolutePathsStayAbsolute() {
    assertEquals(List.of(dir.resolve("environments/prod.aegis").toString()),
        names(finder.find(List.of(dir.resolve("environments").toString()))));
  }

  @Test
  void aHiddenDirectoryNamedExplicitlyIsWalked() {
    assertEquals(List.of("runbooks/.hidden/h.aegis"), names(finder.find(List.of("runbooks/.hidden"))));
  }

  @Test
  void aFileNamedTwiceIsCheckedOnce() {
    assertEquals(List.of("runbooks/a.aegis", "runbooks/b/x.aegis", "runbooks/deploy.aegis"),
        names(finder.find(List.of("runbooks/a.aegis", "runbooks", "./runbooks/a.aegis"))));
  }

  @Test
  void missingPathsAndDirectoriesWithoutSourcesAreProblems() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    var found = finder.find(List.of("nope", "empty", "runbooks/a.aegis"));
    assertEquals(List.of("runbooks/a.aegis"), names(found));
    assertEquals(List.of("cannot read `nope`: no such file or directory", "no .aegis files in `empty`"),
        found.problems().stream().map(Diagnostic::message).toList());
    found.problems().forEach(d -> assertEquals(Code.AEG100, d.code()));
  }
}
