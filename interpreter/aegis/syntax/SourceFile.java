package aegis.syntax;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one source file and the index that turns offsets into lines and columns.
 * Offsets are Java {@code char} indices (UTF-16 code units) everywhere in aegis; columns shown
 * to people count code points, and the language server asks for UTF-16 columns.
 */
public final class SourceFile {
  private final String name;
  private final Path path;
  private final String text;
  /** Made on first use: a check that finds nothing never asks where a line starts. */
  private volatile int[] lineStarts;

  public SourceFile(String name, Path path, String text) {
    this.name = name;
    this.path = path;
    this.text = text;
  }

  /** A file read from disk; {@code name} is how it is shown in messages. */
  public static SourceFile of(Path path, String text) {
    return new SourceFile(path.toString(), path, text);
  }

  /** Text that has no file on disk: an editor buffer, a test input, a stdlib resource. */
  public static SourceFile virtual(String name, String text) {
    return new SourceFile(name, null, text);
  }

  public String name() { return name; }

  /** The file on disk, or {@code null} for virtual sources. */
  public Path path() { return path; }

  public String text() { return text; }

  public int lineCount() { return lineStarts().length; }

  /** 1-based line of an offset. */
  public int line(int offset) {
    int i = Arrays.binarySearch(lineStarts(), clamp(offset));
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** 1-based column of an offset, counted in code points (what a person counts). */
  public int column(int offset) {
    int o = clamp(offset);
    int start = lineStarts()[line(o) - 1];
    return text.codePointCount(start, o) + 1;
  }

  /** 0-based column of an offset in UTF-16 code units (what LSP counts). */
  public int utf16Column(int offset) {
    int o = clamp(offset);
    return o - lineStarts()[line(o) - 1];
  }

  /** Offset of a 0-based line and UTF-16 column, clamped to the text. */
  public int offsetOf(int line0, int utf16Column) {
    int[] lineStarts = lineStarts();
    if (line0 < 0) return 0;
    if (line0 >= lineStarts.length) return text.length();
    int start = lineStarts[line0];
    int end = line0 + 1 < lineStarts.length ? lineStarts[line0 + 1] : text.length();
    return Math.min(start + Math.max(0, utf16Column), end);
  }

  /** The text of a 1-based line, without its line terminator. */
  public String lineText(int line) {
    int[] lineStarts = lineStarts();
    if (line < 1 || line > lineStarts.length) return "";
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return text.substring(start, end);
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  /**
   * The offsets where lines start. Threads that get here together compute the same array; the
   * volatile field publishes it complete (it is never written after).
   */
  private int[] lineStarts() {
    int[] starts = lineStarts;
    if (starts == null) lineStarts = starts = computeLineStarts(text);
    return starts;
  }

  private static int[] computeLineStarts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') count++;
    int[] starts = new int[count];
    int n = 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[n++] = i + 1;
    return starts;
  }

  @Override
  public String toString() { return name; }
}
