package aegis.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Language-server latency and memory, through the protocol (lsp4j client, in-process server):
 * diagnostics after an edit to a 5 000-line runbook, completion right after an edit and again, and
 * the heap held by 200 open files. Prints median and p95; not part of {@code verify}. Latencies are
 * what the user waits: from sending the edit to receiving the diagnostics or the completion list.
 * Run with
 * {@code ./mvnw -o test -Dtest=LspBenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark}.
 */
@Tag("benchmark")
class LspBenchmark {
  private static final int WARMUP = 100;
  private static final int ROUNDS = 100;

  @TempDir Path dir;

  /** A runbook of {@code steps} ten-line steps (plus a header): calls, lambdas, loops, interpolation. */
  static String bigRunbook(int steps) {
    var sb = new StringBuilder("""
        runbook big "A long runbook"
        import k8s
        import http

        param env: Environment
        """);
    for (int i = 0; i < steps; i++) {
      sb.append("step \"check ").append(i).append("\" {\n")
          .append("  let pods").append(i).append(" = k8s.pods(env.namespace)\n")
          .append("  let bad").append(i).append(" = pods").append(i)
          .append(".filter(p -> p.phase != k8s.PodPhase.Running || p.restarts > 3)\n")
          .append("  report \"Pods ").append(i).append("\" bad").append(i).append(".map(p -> p.name)\n")
          .append("  check bad").append(i).append(".isEmpty() else warn \"${bad").append(i).append(".size()} pods need a look\"\n")
          .append("  for svc in env.services {\n")
          .append("    let r = http.get(\"${svc.url}/health\", timeout: 5s)\n")
          .append("    check r.status == 200 else warn \"${svc.name} answered ${r.status}\"\n")
          .append("  }\n")
          .append("}\n");
    }
    return sb.toString();
  }

  @Test
  void diagnosticsAndCompletionOnA5000LineFile() {
    var text = bigRunbook(500);
    assertTrue(text.lines().count() >= 5000, "lines: " + text.lines().count());
    try (var lsp = LspSession.in(dir)) {
      var uri = lsp.open(dir.resolve("big.aegis"), text);
      assertEquals(List.of(), lsp.diagnostics(uri));
      int line = 5 + 250 * 10 + 3; // a `report` line in the middle
      // Each edit types one character into a string in the middle of the file, then deletes it.
      var diagnostics = new ArrayList<Long>();
      var analysis = new ArrayList<Long>();
      for (int i = 0; i < WARMUP + ROUNDS; i++) {
        int col = lineText(text, line).indexOf("Pods ") + 5;
        boolean insert = i % 2 == 0;
        var range = insert ? new Range(new Position(line, col), new Position(line, col))
            : new Range(new Position(line, col), new Position(line, col + 1));
        long start = System.nanoTime();
        lsp.change(uri, List.of(new TextDocumentContentChangeEvent(range, insert ? "x" : "")));
        var ds = lsp.diagnostics(uri);
        long total = System.nanoTime() - start;
        assertEquals(List.of(), ds);
        long t0 = System.nanoTime();
        lsp.impl.analyzer().analyze(new OpenDocument(uri + "#copy", 0, lsp.impl.analyzer().documents().get(uri).text()));
        long parseAndCheck = System.nanoTime() - t0;
        if (i >= WARMUP) {
          diagnostics.add(total);
          analysis.add(parseAndCheck);
        }
      }
      report("diagnostics after an edit (didChange sent -> publishDiagnostics received, nothing subtracted)", diagnostics);
      report("  of which parse + check of the 5 000-line file", analysis);

      var afterEdit = new ArrayList<Long>();
      var warm = new ArrayList<Long>();
      int stepLine = line;
      for (int i = 0; i < WARMUP + ROUNDS; i++) {
        // Type `env.` at the start of a statement, complete, then remove it again.
        var p = new Position(stepLine, 2);
        long start = System.nanoTime();
        lsp.change(uri, List.of(new TextDocumentContentChangeEvent(new Range(p, p), "env.\n  ")));
        var at = new Position(stepLine, 6);
        var items = lsp.completion(uri, at);
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        lsp.completion(uri, at);
        long second = System.nanoTime() - start;
        assertTrue(items.stream().anyMatch(c -> c.getLabel().equals("namespace")), "completion works");
        lsp.change(uri, List.of(new TextDocumentContentChangeEvent(new Range(p, new Position(stepLine + 1, 2)), "")));
        if (i >= WARMUP) {
          afterEdit.add(first);
          warm.add(second);
        }
      }
      report("completion right after an edit (didChange sent -> completion list received)", afterEdit);
      report("completion again at the same version", warm);
    }
  }

  @Test
  void memoryWith200OpenFiles() throws Exception {
    var sources = new ArrayList<String>();
    try (var files = Files.list(Path.of("runbooks"))) {
      for (var p : files.filter(f -> f.toString().endsWith(".aegis")).sorted().toList()) sources.add(Files.readString(p));
    }
    var lib = dir.resolve("lib");
    Files.createDirectories(lib);
    try (var files = Files.list(Path.of("runbooks/lib"))) {
      for (var p : files.toList()) Files.copy(p, lib.resolve(p.getFileName()));
    }
    try (var lsp = LspSession.in(dir)) {
      long before = usedHeap();
      var uris = new ArrayList<String>();
      long lines = 0;
      for (int i = 0; i < 200; i++) {
        var text = sources.get(i % sources.size());
        lines += text.lines().count();
        uris.add(lsp.open(dir.resolve("runbook-" + i + ".aegis"), text));
      }
      for (var uri : uris) lsp.diagnostics(uri);
      long after = usedHeap();
      System.out.printf("BENCH memory: 200 open files (%d lines), analyses kept: %.1f MB retained (heap %.1f MB -> %.1f MB)%n",
          lines, (after - before) / 1e6, before / 1e6, after / 1e6);
      assertTrue(after - before < 300_000_000L, "memory");
    }
  }

  private static long usedHeap() throws InterruptedException {
    var rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String lineText(String text, int line) { return text.lines().skip(line).findFirst().orElseThrow(); }

  private static void report(String what, List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double median = sorted[sorted.length / 2] / 1e6;
    double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
    System.out.printf("BENCH %s: median %.1f ms, p95 %.1f ms (n=%d, max %.1f ms)%n", what, median, p95, sorted.length,
        Arrays.stream(sorted).max().orElse(0) / 1e6);
  }
}
