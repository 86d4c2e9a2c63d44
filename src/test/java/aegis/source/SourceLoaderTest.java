package aegis.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLoaderTest {
  @TempDir
  Path dir;

  LoadResult load(byte[] bytes) throws IOException {
    return load(new SourceLoader(), bytes);
  }

  LoadResult load(SourceLoader loader, byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("f.aegis"), bytes);
    return loader.load(file, "f.aegis");
  }

  static Diagnostic problem(LoadResult result) {
    return assertInstanceOf(LoadResult.Rejected.class, result).problem();
  }

  @Test
  void readsUtf8TextWithTheGivenName() throws IOException {
    var loaded = assertInstanceOf(LoadResult.Loaded.class, load("runbook café \"☕ 🚀\"\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("runbook café \"☕ 🚀\"\n", loaded.file().text());
    assertEquals("f.aegis", loaded.file().name());
    assertEquals(dir.resolve("f.aegis"), loaded.file().path());
  }

  @Test
  void dropsAByteOrderMark() throws IOException {
    var loaded = assertInstanceOf(LoadResult.Loaded.class,
        load(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'r', 'u', 'n'}));
    assertEquals("run", loaded.file().text());
  }

  @Test
  void anEmptyFileIsText() throws IOException {
    assertEquals("", assertInstanceOf(LoadResult.Loaded.class, load(new byte[0])).file().text());
  }

  @Test
  void invalidUtf8IsReportedAtTheFirstBadByte() throws IOException {
    // A valid two-byte é, then a lone continuation byte at offset 4.
    var d = problem(load(new byte[] {'a', 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0x80, 'c'}));
    assertEquals(Code.AEG106, d.code());
    assertEquals("the file is not valid UTF-8 (first bad byte at offset 4)", d.message());
    assertEquals("f.aegis", d.span().file().name());
  }

  @Test
  void aTruncatedSequenceAtTheEndIsInvalid() throws IOException {
    assertEquals("the file is not valid UTF-8 (first bad byte at offset 1)",
        problem(load(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).message());
  }

  @Test
  void overlongEncodingsAndSurrogatesAreInvalid() throws IOException {
    assertEquals(Code.AEG106, problem(load(new byte[] {(byte) 0xC0, (byte) 0xAF})).code());
    assertEquals(Code.AEG106, problem(load(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).code());
  }

  @Test
  void aNulByteMeansBinaryEvenIfTheRestIsText() throws IOException {
    var d = problem(load("runbook x\n\0".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Code.AEG108, d.code());
  }

  @Test
  void theSizeLimitIsInclusive() throws IOException {
    var loader = new SourceLoader(10);
    assertInstanceOf(LoadResult.Loaded.class, load(loader, "0123456789".getBytes(StandardCharsets.UTF_8)));
    var d = problem(load(loader, "0123456789A".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Code.AEG107, d.code());
    assertEquals("the file is 11 bytes; aegis reads source files up to 10 bytes", d.message());
  }

  @Test
  void theStandardLimitIsEightMebibytes() {
    assertEquals(8L * 1024 * 1024, SourceLoader.MAX_SOURCE_BYTES);
    assertEquals("8 MiB", SourceLoader.formatSize(SourceLoader.MAX_SOURCE_BYTES));
    assertEquals("12.5 MiB", SourceLoader.formatSize(12L * 1024 * 1024 + 512 * 1024));
    assertEquals("1.5 KiB", SourceLoader.formatSize(1536));
    assertEquals("1 byte", SourceLoader.formatSize(1));
    assertEquals("1023 bytes", SourceLoader.formatSize(1023));
  }

  @Test
  void aMissingFileADirectoryAndADeviceAreUnreadable() throws IOException {
    var loader = new SourceLoader();
    assertEquals("cannot read `gone`: no such file or directory",
        problem(loader.load(dir.resolve("gone"), "gone")).message());
    assertEquals("cannot read `d`: it is a directory, not a file",
        problem(loader.load(Files.createDirectory(dir.resolve("d")), "d")).message());
    Path zero = Path.of("/dev/zero");
    if (Files.exists(zero)) {
      var d = problem(loader.load(zero, "/dev/zero"));
      assertEquals(Code.AEG100, d.code());
      assertEquals("cannot read `/dev/zero`: it is not a regular file", d.message());
    }
  }
}
