package aegis.syntax;

/**
 * A range of a source file, {@code [start, end)} in UTF-16 offsets. Every AST node has one.
 * Lines and columns are computed on demand from the file.
 */
public record Span(SourceFile file, int start, int end) {
  public Span {
    if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
  }

  public static Span of(SourceFile file, int start, int end) {
    return new Span(file, start, end);
  }

  /** An empty span at the start of a file, for problems with the file as a whole. */
  public static Span fileStart(SourceFile file) {
    return new Span(file, 0, 0);
  }

  public int line() { return file.line(start); }

  public int column() { return file.column(start); }

  public int endLine() { return file.line(end); }

  public int endColumn() { return file.column(end); }

  public int length() { return end - start; }

  public boolean contains(int offset) { return offset >= start && offset <= end; }

  /** The smallest span covering both. */
  public Span to(Span other) {
    return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
  }

  public String text() { return file.text().substring(start, Math.min(end, file.text().length())); }

  @Override
  public String toString() { return file.name() + ":" + line() + ":" + column(); }
}
