package aegis.syntax;

import aegis.diagnostics.Code;
import aegis.diagnostics.Diagnostic;
import aegis.syntax.ast.Expr;
import java.util.List;
import java.util.Set;

/** Numbers and numbers with units, checked as they are read. */
final class Literals {
  /** Duration units, then Kubernetes quantity suffixes. {@code m} is both: the checker decides by context. */
  static final Set<String> UNITS = Set.of("ms", "s", "m", "h", "d",
      "n", "u", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei");

  private Literals() {}

  static Expr integer(String text, Span span, List<Diagnostic> diagnostics) {
    try {
      return new Expr.IntLit(Long.parseLong(text.replace("_", "")), span);
    } catch (NumberFormatException e) {
      diagnostics.add(Diagnostic.of(Code.AEG105, span, text, "it does not fit in a 64-bit Int"));
      return new Expr.Error(span);
    }
  }

  static Expr floating(String text, Span span, List<Diagnostic> diagnostics) {
    double value = Double.parseDouble(text.replace("_", ""));
    if (Double.isInfinite(value)) {
      diagnostics.add(Diagnostic.of(Code.AEG105, span, text, "it is too large for a Float"));
      return new Expr.Error(span);
    }
    return new Expr.FloatLit(value, span);
  }

  static Expr unit(String text, Span span, List<Diagnostic> diagnostics) {
    int i = 0;
    while (i < text.length() && !Character.isLetter(text.charAt(i))) i++;
    String number = text.substring(0, i).replace("_", "");
    String unit = text.substring(i);
    if (!UNITS.contains(unit)) {
      diagnostics.add(Diagnostic.of(Code.AEG104, span, text, unit)
          .withHint("durations take ms, s, m, h or d (`30s`, `10m`); quantities take m, k, M, G, T, Ki, Mi, Gi, Ti (`500m`, `4Gi`)"));
      return new Expr.Error(span);
    }
    return new Expr.UnitLit(plain(number), unit, span);
  }

  /** {@code 007.50} as {@code 7.50}: the digits without leading zeros, one kept before the point. */
  static String plain(String digits) {
    int point = digits.indexOf('.');
    int integerEnd = point < 0 ? digits.length() : point;
    int i = 0;
    while (i < integerEnd - 1 && digits.charAt(i) == '0') i++;
    return digits.substring(i);
  }
}
