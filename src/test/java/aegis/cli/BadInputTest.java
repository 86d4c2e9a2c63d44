package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.source.SourceLoader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs {@code aegis check} cannot use: each a clear message, exit 3, never a stack trace. */
class BadInputTest {
  @TempDir
  Path dir;

  CliRunner aegis;

  @BeforeEach
  void setUp() {
    aegis = new CliRunner(dir);
  }

  CliRunner.Result check(String... paths) {
    String[] args = new String[paths.length + 1];
    args[0] = "check";
    System.arraycopy(paths, 0, args, 1, paths.length);
    var r = aegis.run(args);
    assertEquals(ExitCode.BAD_INPUT.code(), r.exit(), r::toString);
    assertFalse(r.out().contains("\tat "), "no stack trace");
    assertFalse(r.err().contains("\tat "), "no stack trace");
    return r;
  }

  @Test
  void missingPath() {
    var r = check("nope.aegis");
    assertTrue(r.out().contains("nope.aegis:1:1: error[AEG100]: cannot read `nope.aegis`: no such file or directory"),
        r::toString);
    assertTrue(r.out().endsWith("checked 0 files; 1 input could not be used\n"), r::toString);
  }

  @Test
  void directoryWithoutSources() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    Files.writeString(dir.resolve("empty/readme.md"), "no runbooks here");
    var r = check("empty");
    assertTrue(r.out().contains("error[AEG100]: no .aegis files in `empty`"), r::toString);
    assertTrue(r.out().contains("hint: name the files or directories"), r::toString);
  }

  @Test
  void emptyWorkingDirectory() {
    var r = check();
    assertTrue(r.out().contains("error[AEG100]: no .aegis files in `.`"), r::toString);
  }

  @Test
  void binaryFile() throws IOException {
    Files.write(dir.resolve("logo.aegis"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    var r = check("logo.aegis");
    assertTrue(r.out().contains("logo.aegis:1:1: error[AEG108]: the file looks binary"), r::toString);
  }

  @Test
  void fileOverTheSizeLimit() throws IOException {
    try (var file = new RandomAccessFile(dir.resolve("huge.aegis").toFile(), "rw")) {
      file.setLength(SourceLoader.MAX_SOURCE_BYTES + 1024 * 1024);
    }
    var r = check("huge.aegis");
    assertTrue(r.out().contains("error[AEG107]: the file is 9 MiB; aegis reads source files up to 8 MiB"),
        r::toString);
  }

  @Test
  void fileThatIsNotUtf8SaysTheByteOffset() throws IOException {
    // "runbook caf" then a Latin-1 é (0xE9): invalid UTF-8 at byte 11.
    byte[] text = "runbook caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("latin1.aegis"), text);
    var r = check("latin1.aegis");
    assertTrue(r.out().contains("error[AEG106]: the file is not valid UTF-8 (first bad byte at offset 11)"),
        r::toString);
  }

  @Test
  void aDirectoryGivenWhereAFileIsExpectedIsWalkedNotRead() throws IOException {
    Files.createDirectories(dir.resolve("d.aegis"));
    var r = check("d.aegis");
    assertTrue(r.out().contains("no .aegis files in `d.aegis`"), r::toString);
  }

  @Test
  void goodFilesAreStillCheckedBesideABadOne() throws IOException {
    Files.writeString(dir.resolve("broken.aegis"), CheckCommandTest.BROKEN);
    var r = check("broken.aegis", "nope.aegis");
    assertTrue(r.out().contains("broken.aegis:4:7: error"), r::toString);
    assertTrue(r.out().endsWith("checked 1 file: 1 error; 1 input could not be used\n"), r::toString);
  }
}
