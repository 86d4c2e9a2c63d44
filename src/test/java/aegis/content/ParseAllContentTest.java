package aegis.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.DiagnosticRenderer;
import aegis.syntax.ParseResult;
import aegis.syntax.Parser;
import aegis.syntax.SourceFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.FieldDecl;
import aegis.syntax.ast.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The aegis content of the repository (stdlib modules, environments, runbooks) parses without a
 * single diagnostic, each file has the header its directory calls for, everything the
 * language server and {@code aegis doc} show from the stdlib carries a doc comment, and every
 * manifest template the content names exists.
 */
class ParseAllContentTest {
  private static final List<String> ROOTS = List.of("stdlib", "environments", "runbooks");

  @TestFactory
  Stream<DynamicTest> everyContentFileParsesCleanly() throws IOException {
    var files = contentFiles();
    assertFalse(files.isEmpty(), "no .aegis files found under " + ROOTS);
    return files.stream().map(path -> DynamicTest.dynamicTest(path.toString(), () -> {
      var result = parse(path);
      assertTrue(result.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(result.diagnostics(), false));
      assertNotNull(result.ast().header(), path + " has no header");
      assertEquals(expectedKind(path), result.ast().header().kind(), path + " has the wrong kind of header");
    }));
  }

  @Test
  void stdlibDeclarationsAreDocumented() throws IOException {
    var undocumented = new ArrayList<String>();
    for (var path : contentFiles()) {
      if (!path.startsWith("stdlib")) continue;
      var ast = parse(path).ast();
      if (blank(ast.header().doc())) undocumented.add(path + ": module header");
      for (var decl : ast.decls()) {
        switch (decl) {
          case Decl.Record r -> {
            if (blank(r.doc())) undocumented.add(path + ": record " + r.name());
            for (FieldDecl f : r.fields()) {
              if (blank(f.doc())) undocumented.add(path + ": field " + r.name() + "." + f.name());
            }
          }
          case Decl.Enum e -> { if (blank(e.doc())) undocumented.add(path + ": enum " + e.name()); }
          case Decl.ExternFn f -> { if (blank(f.doc())) undocumented.add(path + ": extern fn " + f.name()); }
          case Decl.Fn f -> { if (blank(f.doc())) undocumented.add(path + ": fn " + f.name()); }
          default -> { }
        }
      }
    }
    assertTrue(undocumented.isEmpty(), () -> "missing /// docs:\n" + String.join("\n", undocumented));
  }

  @Test
  void runbooksAndEnvironmentsAreDocumented() throws IOException {
    var undocumented = new ArrayList<String>();
    for (var path : contentFiles()) {
      if (path.startsWith("stdlib")) continue;
      var header = parse(path).ast().header();
      if (header != null && blank(header.doc())) undocumented.add(path.toString());
    }
    assertTrue(undocumented.isEmpty(), () -> "headers without a /// doc comment:\n" + String.join("\n", undocumented));
  }

  @Test
  void everyNamedTemplateExists() throws IOException {
    // Template paths are relative to the runbooks directory (stdlib/template.aegis).
    var templatePath = Pattern.compile("\"(templates/[A-Za-z0-9._/-]+)\"");
    var missing = new ArrayList<String>();
    int named = 0;
    for (var path : contentFiles()) {
      var m = templatePath.matcher(Files.readString(path, StandardCharsets.UTF_8));
      while (m.find()) {
        named++;
        if (!Files.isRegularFile(Path.of("runbooks").resolve(m.group(1)))) missing.add(path + ": " + m.group(1));
      }
    }
    assertTrue(named > 0, "no template is named anywhere: the pattern is out of date");
    assertTrue(missing.isEmpty(), () -> "templates that do not exist under runbooks/:\n" + String.join("\n", missing));
  }

  private static Header.Kind expectedKind(Path path) {
    if (path.startsWith("stdlib") || path.startsWith(Path.of("runbooks", "lib"))) return Header.Kind.MODULE;
    if (path.startsWith("environments")) return Header.Kind.ENVIRONMENT;
    return Header.Kind.RUNBOOK;
  }

  private static ParseResult parse(Path path) throws IOException {
    return Parser.parse(SourceFile.of(path, Files.readString(path, StandardCharsets.UTF_8)));
  }

  private static List<Path> contentFiles() throws IOException {
    var out = new ArrayList<Path>();
    for (var root : ROOTS) {
      var dir = Path.of(root);
      if (!Files.isDirectory(dir)) continue;
      try (var walk = Files.walk(dir)) {
        walk.filter(p -> p.toString().endsWith(".aegis")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  private static boolean blank(String doc) { return doc == null || doc.isBlank(); }
}
