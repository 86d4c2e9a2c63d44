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

  public static final Comparator<Diagnostic> ORDER = Comparator
      .comparing((Diagnostic d) -> d.span().file().name())
      .thenComparingInt(d -> d.span().start())
      .thenComparing(d -> d.code().name());
}
