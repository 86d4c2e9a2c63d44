package aegis.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.source.LoadResult;
import aegis.syntax.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A check never throws: broken input gives diagnostics, and an internal failure is a diagnostic too. */
class RobustnessTest {
  private static final String SAMPLE = """
      runbook sample "A runbook that uses most of the language"
      import k8s
      import vault
      param env: Environment
      param version: String = "1.0"
      window env.deployWindow
      let names = env.services.map(s -> s.name)
      step "secrets" timeout 5m retry(attempts: 2, backoff: 10s) {
        let pw = vault.read("secret/x").secret("password")
        k8s.ensureSecret(env.namespace, "db", {"password": pw, "user": "u"})
      }
      for svc in env.services parallel(limit: 4) {
        step "deploy ${svc.name}" {
          let manifest = if svc.replicas > 1 then "ha" else "single"
          k8s.apply("${manifest}-${version}")
          check first(names) ?? "" != "" else warn "no names"
        }
      }
      on failure { fail "rolled back" }
      """;

  @Test
  void anImportOfAPathTheFileSystemCannotNameIsADiagnostic() {
    // A NUL cannot be in a file name; found by ParserFuzzTest as a character the platform's
    // encoding lacks, which threw InvalidPathException out of the checker.
    var p = Checks.check("runbook r \"R\"\nimport \"lib/a\u0000b.aegis\" as a\n");
    assertEquals(List.of(Code.AEG100), Checks.errors(p), () -> Checks.render(p));
    assertTrue(Checks.render(p).contains("the file system cannot name it"), () -> Checks.render(p));
  }

  @Test
  void everyPrefixOfARunbookChecksWithoutThrowing() {
    for (int end = 0; end <= SAMPLE.length(); end += 3) {
      var text = SAMPLE.substring(0, end);
      var p = Checks.CHECKER.check(SourceFile.virtual("prefix.aegis", text));
      assertNotNull(p);
      assertTrue(p.diagnostics().stream().noneMatch(d -> d.code() == Code.AEG299),
          () -> "internal error at prefix " + text.length() + ":\n" + Checks.render(p));
    }
  }

  @Test
  void theSampleChecksCleanly() {
    var p = Checks.CHECKER.check(SourceFile.virtual("sample.aegis", SAMPLE));
    assertEquals(List.of(), p.diagnostics(), () -> Checks.render(p));
  }

  @Test
  void anInternalFailureBecomesADiagnostic() {
    var failing = new ModuleLoader() {
      @Override
      public SourceFile stdlib(String name) { throw new IllegalStateException("broken loader"); }

      @Override
      public Set<String> stdlibNames() { return Set.of(); }

      @Override
      public boolean exists(Path path) { return false; }

      @Override
      public LoadResult read(Path path, String name) { throw new IllegalStateException("not called"); }

      @Override
      public List<Path> list(Path dir) { return List.of(); }
    };
    var p = new Checker(new ModuleRegistry(failing)).check(SourceFile.virtual("x.aegis", "runbook x \"x\"\n"));
    assertEquals(List.of(Code.AEG299), p.diagnostics().stream().map(Diagnostic::code).toList());
    assertTrue(p.diagnostics().getFirst().message().contains("broken loader"));
  }

  @Test
  void deeplyNestedExpressionsDoNotCrashTheChecker() {
    var text = "runbook deep \"d\"\nlet _x = " + "[".repeat(2000) + "]".repeat(2000) + "\n";
    var p = Checks.CHECKER.check(SourceFile.virtual("deep.aegis", text));
    assertNotNull(p.diagnostics());
  }
}
