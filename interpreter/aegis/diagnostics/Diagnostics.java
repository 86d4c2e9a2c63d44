package aegis.diagnostics;

import aegis.syntax.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics as a stage runs: errors are gathered, never thrown one at a time. */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public Diagnostic report(Code code, Span span, Object... args) {
    return add(Diagnostic.of(code, span, args));
  }

  public Diagnostic add(Diagnostic d) {
    all.add(d);
    return d;
  }

  public void addAll(List<Diagnostic> ds) { all.addAll(ds); }

  public boolean hasErrors() { return all.stream().anyMatch(Diagnostic::isError); }

  /** In source order: file, then offset, then code. */
  public List<Diagnostic> sorted() {
    var copy = new ArrayList<>(all);
    copy.sort(ORDER);
    return List.copyOf(copy);
  }

  public List<Diagnostic> list() { return List.copyOf(all); }

  /**
   * By file, position, then code. Written out rather than with {@code Comparator.comparing}: the
   * JDK's comparator combinators make serializable lambdas, which the AOT cache does not keep, so
   * the first one of a run has the JVM generate a class (see {@code ExitCode.describe}).
   */
  public static final Comparator<Diagnostic> ORDER = (a, b) -> {
    int byFile = a.span().file().name().compareTo(b.span().file().name());
    if (byFile != 0) return byFile;
    int byStart = Integer.compare(a.span().start(), b.span().start());
    return byStart != 0 ? byStart : a.code().name().compareTo(b.code().name());
  };
}
