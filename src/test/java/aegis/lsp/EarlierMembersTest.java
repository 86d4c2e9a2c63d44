package aegis.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Member completion from an earlier analysis answers exactly what the analysis of the current
 * text answers, and declines (null) wherever the earlier check cannot tell.
 */
class EarlierMembersTest {
  private static final String RUNBOOK = """
      runbook members "Members"
      import k8s

      param env: Environment

      step "look" {
        // look at the pods
        let pods = k8s.pods(env.namespace)
        report "Pods" pods.map(p -> p.name)
      }
      """;

  @TempDir Path dir;

  @Test
  void answersTheMembersOfANameTypedOnANewLineAsAFreshAnalysisDoes() {
    var analyzer = new Analyzer(new DocumentStore(), dir.resolve("stdlib-cache"));
    var completion = new CompletionFeature(new Workspace(), analyzer.registry());
    var uri = Uris.of(dir.resolve("members.aegis"));
    var earlier = analyzer.analyze(new OpenDocument(uri, 1, RUNBOOK));
    int at = RUNBOOK.indexOf("  report");
    for (var typed : List.of("env.", "env.na", "k8s.", "k8s.PodPhase.", "pods.", "env.kubernetes.")) {
      var text = RUNBOOK.substring(0, at) + "  " + typed + "\n" + RUNBOOK.substring(at);
      var now = new OpenDocument(uri, 2, text);
      var cursor = Fixture.position(text, at + 2 + typed.length());
      var quick = completion.completeFromEarlier(earlier, now, cursor);
      assertNotNull(quick, typed);
      assertEquals(items(completion.complete(analyzer.analyze(now), cursor)), items(quick), typed);
    }
  }

  /** Each case replaces {@code from} with {@code to} ({@code ⏎} is a line break) and completes at {@code ‸}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a call before the dot | k8s.pods(env.namespace) | k8s.pods(env.namespace).‸",
      "a brace in the edit | '  report' | '  if true { env.‸⏎  report'",
      "a declaration in the edit | '  report' | '  let e = env.‸⏎  report'",
      "a type | 'param env: Environment' | 'param env: k8s.‸Environment'",
      "a string | '\"Pods\"' | '\"Pods env.‸\"'",
      "a comment | '// look at the pods' | '// look at the pods env.‸'",
      "an unknown name | '  report' | '  nothing.‸⏎  report'",
      "right after a closing brace | '}⏎' | '}env.‸⏎'",
      "a continued chain | '  report' | '  env⏎    .kubernetes.‸⏎  report'"})
  void declinesWhereTheEarlierCheckCannotTell(String what, String from, String to) {
    var analyzer = new Analyzer(new DocumentStore(), dir.resolve("stdlib-cache"));
    var uri = Uris.of(dir.resolve("members.aegis"));
    var earlier = analyzer.analyze(new OpenDocument(uri, 1, RUNBOOK));
    from = from.replace("⏎", "\n");
    to = to.replace("⏎", "\n");
    int at = RUNBOOK.indexOf(from);
    assertTrue(at >= 0, from);
    int cursor = at + to.indexOf('‸');
    var text = RUNBOOK.substring(0, at) + to.replace("‸", "") + RUNBOOK.substring(at + from.length());
    assertNull(EarlierMembers.find(earlier, new OpenDocument(uri, 2, text), Fixture.position(text, cursor)), what);
  }

  @Test
  void declinesWhenTheEarlierTextHasSyntaxErrors() {
    var analyzer = new Analyzer(new DocumentStore(), dir.resolve("stdlib-cache"));
    var uri = Uris.of(dir.resolve("members.aegis"));
    var broken = RUNBOOK.replace("k8s.pods(env.namespace)", "k8s.pods(env.namespace");
    for (var earlierText : List.of(RUNBOOK, broken)) {
      var earlier = analyzer.analyze(new OpenDocument(uri, 1, earlierText));
      int at = earlierText.indexOf("  report");
      var text = earlierText.substring(0, at) + "  env.\n" + earlierText.substring(at);
      var found = EarlierMembers.find(earlier, new OpenDocument(uri, 2, text), Fixture.position(text, at + "  env.".length()));
      assertEquals(earlierText == RUNBOOK, found != null, earlierText == RUNBOOK ? "clean" : "broken");
    }
  }

  /**
   * Over the runbooks of the repository: at every line inside a block, type each name that line
   * uses before a dot, on a line of its own, and complete after the dot; wherever the earlier
   * analysis answers, the answer is the fresh analysis's.
   */
  @Test
  void agreesWithAFreshAnalysisWhereverItAnswersOverTheRepositorysRunbooks() throws IOException {
    copy(Path.of("runbooks/lib"), dir.resolve("lib"));
    var analyzer = new Analyzer(new DocumentStore(), dir.resolve("stdlib-cache"));
    var completion = new CompletionFeature(new Workspace(), analyzer.registry());
    var receiver = Pattern.compile("(?<![.\\w?])([a-z_]\\w*)\\.[a-zA-Z]");
    int answered = 0;
    int declined = 0;
    for (var name : List.of("daily-check.aegis", "deploy.aegis", "incident-service-down.aegis", "cert-renewal.aegis")) {
      var original = Files.readString(Path.of("runbooks", name));
      var uri = Uris.of(dir.resolve(name));
      var earlier = analyzer.analyze(new OpenDocument(uri, 1, original));
      int lineStart = 0;
      int version = 2;
      for (var line : original.split("\n", -1)) {
        var indent = line.substring(0, line.length() - line.stripLeading().length());
        var names = new LinkedHashSet<String>();
        for (var m = receiver.matcher(line); m.find(); ) names.add(m.group(1));
        if (!indent.isEmpty() && !line.isBlank()) {
          for (var n : names) {
            var typed = indent + n + ".";
            var text = original.substring(0, lineStart) + typed + "\n" + original.substring(lineStart);
            var now = new OpenDocument(uri, version++, text);
            var cursor = Fixture.position(text, lineStart + typed.length());
            var quick = completion.completeFromEarlier(earlier, now, cursor);
            if (quick == null) {
              declined++;
              continue;
            }
            answered++;
            assertEquals(items(completion.complete(analyzer.analyze(now), cursor)), items(quick),
                name + ": `" + n + ".` before line `" + line.strip() + "`");
          }
        }
        lineStart += line.length() + 1;
      }
    }
    assertTrue(answered > 50 && answered > declined, "answered " + answered + ", declined " + declined);
  }

  private static List<String> items(CompletionList list) {
    var out = new ArrayList<String>();
    for (CompletionItem i : list.getItems()) {
      out.add(i.getLabel() + " " + i.getKind() + " " + i.getDetail() + " " + i.getSortText() + " " + i.getTextEdit());
    }
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (var p : files.toList()) if (Files.isRegularFile(p)) Files.copy(p, to.resolve(p.getFileName()));
    }
  }
}
