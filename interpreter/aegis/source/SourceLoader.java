package aegis.source;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads aegis source files from disk, refusing what is not source text: files larger than
 * {@link #MAX_SOURCE_BYTES}, binary files (a NUL byte) and files that are not valid UTF-8 (decoded
 * strictly, so a stray Latin-1 byte is reported with its offset instead of becoming U+FFFD).
 * A UTF-8 byte order mark is dropped. Every problem comes back as a diagnostic, never thrown.
 */
public final class SourceLoader {
  /**
   * The largest source file aegis reads: 8 MiB. The biggest runbook we know of is a few hundred
   * lines; a file this large is generated, a log or a mistake, and parsing it would only make the
   * tools slow.
   */
  public static final long MAX_SOURCE_BYTES = 8L * 1024 * 1024;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final long maxBytes;

  /** A loader with the standard {@link #MAX_SOURCE_BYTES} limit. */
  public SourceLoader() {
    this(MAX_SOURCE_BYTES);
  }

  /** A loader with another size limit (tests use a small one). */
  public SourceLoader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Reads {@code path}; {@code name} is how the file is shown in messages (usually the path as
   * the user typed it, or relative to the directory they named).
   */
  public LoadResult load(Path path, String name) {
    if (Files.isDirectory(path)) return unreadable(path, name, "it is a directory, not a file");
    if (!Files.exists(path)) return unreadable(path, name, "no such file or directory");
    if (!Files.isRegularFile(path)) return unreadable(path, name, "it is not a regular file");
    long size = sizeOf(path);
    if (size > maxBytes) return tooLarge(path, name, size);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      // Read at most one byte past the limit: a file that grows while we read is still bounded.
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) return tooLarge(path, name, Math.max(sizeOf(path), bytes.length));
    } catch (NoSuchFileException e) {
      return unreadable(path, name, "no such file or directory");
    } catch (AccessDeniedException e) {
      return unreadable(path, name, "permission denied");
    } catch (IOException e) {
      return unreadable(path, name, describe(e));
    }
    return fromBytes(path, name, bytes, bytes.length);
  }

  /**
   * The same checks for content that does not come from a file on disk (a blob of a git commit):
   * {@code size} is the content's full size and {@code bytes} the content, of which a reader may
   * pass only the first {@link #maxBytes} + 1 bytes when it is larger than that.
   */
  public LoadResult fromBytes(Path path, String name, byte[] bytes, long size) {
    if (size > maxBytes || bytes.length > maxBytes) return tooLarge(path, name, Math.max(size, bytes.length));
    for (byte b : bytes) {
      if (b == 0) {
        return rejected(Diagnostic.of(Code.AEG108, emptySpan(path, name))
            .withHint("aegis reads UTF-8 text files; check that the path names a source file"));
      }
    }
    return decode(path, name, bytes);
  }

  /** The largest content this loader reads, in bytes. */
  public long maxBytes() { return maxBytes; }

  private LoadResult decode(Path path, String name, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = decoder.decode(in, out, true);
    if (!result.isError()) result = decoder.flush(out);
    if (result.isError()) {
      // The decoder stops at the first bad byte, so the input position is its offset.
      return rejected(Diagnostic.of(Code.AEG106, emptySpan(path, name), in.position())
          .withHint("save the file as UTF-8 (for example: iconv -f LATIN1 -t UTF-8)"));
    }
    out.flip();
    String text = out.toString();
    if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) text = text.substring(1);
    return new LoadResult.Loaded(new SourceFile(name, path, text));
  }

  private LoadResult tooLarge(Path path, String name, long size) {
    return rejected(Diagnostic.of(Code.AEG107, emptySpan(path, name),
        formatSize(size), formatSize(maxBytes))
        .withHint("split it into modules, or check that the path names a source file"));
  }

  private static LoadResult unreadable(Path path, String name, String why) {
    return rejected(Diagnostic.of(Code.AEG100, emptySpan(path, name), "cannot read `" + name + "`: " + why));
  }

  private static LoadResult rejected(Diagnostic problem) {
    return new LoadResult.Rejected(problem);
  }

  private static Span emptySpan(Path path, String name) {
    return Span.fileStart(new SourceFile(name, path, ""));
  }

  private static long sizeOf(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  /** A size the way people read it: bytes below 1 KiB, else KiB or MiB with one decimal. */
  public static String formatSize(long bytes) {
    if (bytes < 1024) return bytes + (bytes == 1 ? " byte" : " bytes");
    double kib = bytes / 1024.0;
    if (kib < 1024) return trim(kib) + " KiB";
    return trim(kib / 1024) + " MiB";
  }

  private static String trim(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
