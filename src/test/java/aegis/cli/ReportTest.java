package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check report's exit code and summary line, from diagnostics made by hand. */
class ReportTest {
  static final SourceFile FILE = SourceFile.virtual("a.aegis", "runbook a\n");

  static Diagnostic warning() { return Diagnostic.of(Code.AEG215, Span.of(FILE, 8, 9), "let", "x"); }

  static Diagnostic error() { return Diagnostic.of(Code.AEG201, Span.of(FILE, 8, 9), "a"); }

  static FileReport checked(Diagnostic... ds) { return new FileReport("a.aegis", FileReport.Status.CHECKED, List.of(ds)); }

  static FileReport rejected() {
    var missing = SourceFile.virtual("gone.aegis", "");
    return new FileReport("gone.aegis", FileReport.Status.REJECTED,
        List.of(Diagnostic.of(Code.AEG100, Span.fileStart(missing), "cannot read `gone.aegis`")));
  }

  static String summary(CheckReport report) {
    var out = new StringWriter();
    new TextReport(new PrintWriter(out), false, 50).write(report);
    String text = out.toString().strip();
    return text.substring(text.lastIndexOf('\n') + 1);
  }

  @Test
  void warningsAloneExitZero() {
    var report = new CheckReport(List.of(checked(warning(), warning())));
    assertEquals(ExitCode.OK, report.exitCode());
    assertEquals("checked 1 file: 0 errors, 2 warnings", summary(report));
  }

  @Test
  void errorsExitOne() {
    var report = new CheckReport(List.of(checked(error(), warning())));
    assertEquals(ExitCode.FAILURE, report.exitCode());
    assertEquals("checked 1 file: 1 error, 1 warning", summary(report));
  }

  @Test
  void anUnusableInputExitsThreeEvenWhenOtherFilesHaveErrors() {
    var report = new CheckReport(List.of(rejected(), checked(error())));
    assertEquals(ExitCode.BAD_INPUT, report.exitCode());
    assertEquals("checked 1 file: 1 error; 1 input could not be used", summary(report));
  }

  @Test
  void nothingCheckedSaysWhy() {
    var report = new CheckReport(List.of(rejected()));
    assertEquals(ExitCode.BAD_INPUT, report.exitCode());
    assertEquals("checked 0 files; 1 input could not be used", summary(report));
  }

  @Test
  void theWorstOutcomeWins() {
    assertEquals(ExitCode.BAD_INPUT, ExitCode.FAILURE.worst(ExitCode.BAD_INPUT));
    assertEquals(ExitCode.BAD_INPUT, ExitCode.BAD_INPUT.worst(ExitCode.OK));
    assertEquals(ExitCode.INTERNAL, ExitCode.OK.worst(ExitCode.INTERNAL));
  }
}
