package aegis.format;

import static org.junit.jupiter.api.Assertions.assertFalse;

import aegis.syntax.ast.AegisFile;
import aegis.syntax.ast.Decl;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.Nodes;
import aegis.syntax.ast.Stmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Comments of every kind, put at random places between tokens of real files: the formatter keeps
 * each one, the result parses to the same tree (doc comments included) and formats to itself.
 * Seeded (a failure names its seed); {@code -Dformat.seeds=N} explores further.
 */
class CommentPropertyTest {
  private static final long SEEDS = Long.getLong("format.seeds", 250);
  private static final String[] COMMENTS = {
      " // line\n", " /* block */ ", "\n// own line\n", "\n\n// after a blank line\n\n", "\n/* two\n   lines */\n",
      "/*tight*/", " //\n", " /// amid code\n"};
  private static final String DOC = "\n/// doc\n";

  @TestFactory
  Stream<DynamicTest> commentsAnywhere() throws IOException {
    var files = new ArrayList<Path>();
    try (var golden = Files.list(FormatterGoldenTest.DIR)) {
      golden.filter(p -> p.toString().endsWith(".aegis")).sorted().forEach(files::add);
    }
    for (var p : RoundTripTest.aegisFiles()) if (!files.contains(p)) files.add(p);
    var texts = new ArrayList<String>();
    var names = new ArrayList<String>();
    for (var p : files) {
      String text = RoundTripTest.read(p);
      if (text == null || FormatChecks.parse(p.toString(), text).hasErrors()) continue;
      texts.add(text);
      names.add(p.toString());
    }
    assertFalse(texts.isEmpty());
    return LongStream.rangeClosed(1, SEEDS).mapToObj(seed -> {
      int which = (int) (seed % texts.size());
      return DynamicTest.dynamicTest("seed " + seed + " " + names.get(which), () -> {
        String commented = withComments(names.get(which), texts.get(which), new Random(seed));
        FormatChecks.formatChecked(names.get(which) + " (seed " + seed + ")", commented);
      });
    });
  }

  /** The text with one to eight comments put at token boundaries (and doc comments above declarations). */
  static String withComments(String name, String text, Random random) {
    var ast = FormatChecks.parse(name, text).ast();
    var boundaries = new TreeSet<Integer>(List.of(0, text.length()));
    collect(ast, boundaries);
    var docPlaces = docPlaces(ast);
    var positions = new ArrayList<>(boundaries);
    var inserts = new ArrayList<int[]>();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      boolean doc = !docPlaces.isEmpty() && random.nextInt(6) == 0;
      int at = doc ? docPlaces.get(random.nextInt(docPlaces.size())) : positions.get(random.nextInt(positions.size()));
      inserts.add(new int[] {at, doc ? -1 : random.nextInt(COMMENTS.length)});
    }
    inserts.sort((a, b) -> Integer.compare(b[0], a[0]));
    var sb = new StringBuilder(text);
    for (var ins : inserts) sb.insert(ins[0], ins[1] < 0 ? DOC : COMMENTS[ins[1]]);
    return sb.toString();
  }

  /** Starts and ends of nodes outside string text: always between two tokens. */
  private static void collect(Node node, TreeSet<Integer> out) {
    for (var kid : CommentPlacer.kids(node)) {
      out.add(kid.span().start());
      out.add(kid.span().end());
      collect(kid, out);
    }
  }

  /** Where a doc comment documents a declaration: before top-level declarations, statements of blocks, fields. */
  private static List<Integer> docPlaces(AegisFile ast) {
    var out = new ArrayList<Integer>();
    for (var d : ast.decls()) out.add(d.span().start());
    for (var n : Nodes.descendants(ast)) {
      if (n instanceof Stmt.Block b) b.stmts().forEach(s -> out.add(s.span().start()));
      if (n instanceof Decl.Record r) r.fields().forEach(f -> out.add(f.span().start()));
    }
    return out;
  }
}
