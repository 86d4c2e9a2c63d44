package aegis.format;

import aegis.syntax.SourceFile;
import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import aegis.syntax.ast.Node;
import aegis.syntax.ast.StringPart;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares syntax trees as the language sees them: every component of every node, except where the
 * node came from ({@link Span}, {@link SourceFile}). Adjacent pieces of string text count as one
 * (how a string was split into pieces is not part of its meaning). Walks the records reflectively,
 * so a component added to a node is compared without anyone remembering to add it here.
 */
public final class SyntaxEquivalence {
  private SyntaxEquivalence() {}

  /** Empty when the trees are the same; otherwise where they first differ and how. */
  public static Optional<String> difference(Node a, Node b) {
    return Optional.ofNullable(diff(a, b, a == null ? "" : a.getClass().getSimpleName()));
  }

  public static boolean equivalent(Node a, Node b) { return difference(a, b).isEmpty(); }

  private static String diff(Object a, Object b, String path) {
    if (a == b) return null;
    if (a == null || b == null) return path + ": " + show(a) + " vs " + show(b);
    if (a.getClass() != b.getClass()) return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
    if (a instanceof Expr.StringLit sa) {
      var sb = (Expr.StringLit) b;
      if (sa.multiline() != sb.multiline()) return path + ".multiline: " + sa.multiline() + " vs " + sb.multiline();
      return diff(merged(sa.parts()), merged(sb.parts()), path + ".parts");
    }
    if (a instanceof Record) return diffRecord((Record) a, (Record) b, path);
    if (a instanceof List<?> la) {
      var lb = (List<?>) b;
      if (la.size() != lb.size()) return path + ": " + la.size() + " items vs " + lb.size();
      for (int i = 0; i < la.size(); i++) {
        String d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
        if (d != null) return d;
      }
      return null;
    }
    if (a instanceof Double da) return Double.compare(da, (Double) b) == 0 ? null : path + ": " + a + " vs " + b;
    return Objects.equals(a, b) ? null : path + ": " + show(a) + " vs " + show(b);
  }

  private static String diffRecord(Record a, Record b, String path) {
    for (var component : COMPONENTS.get(a.getClass())) {
      try {
        String d = diff(component.accessor().invoke(a), component.accessor().invoke(b), path + "." + component.name());
        if (d != null) return d;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.name() + " of " + a.getClass(), e);
      }
    }
    return null;
  }

  private record Component(String name, Method accessor) {}

  /** The compared components of each record class (looking them up is slow; trees are large). */
  private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
    @Override
    protected List<Component> computeValue(Class<?> type) {
      var out = new ArrayList<Component>();
      for (RecordComponent rc : type.getRecordComponents()) {
        if (rc.getType() != Span.class && rc.getType() != SourceFile.class) out.add(new Component(rc.getName(), rc.getAccessor()));
      }
      return List.copyOf(out);
    }
  };

  /** String pieces with neighbouring texts joined and empty texts dropped (as text, span-free). */
  private static List<Object> merged(List<StringPart> parts) {
    var out = new ArrayList<Object>();
    var text = new StringBuilder();
    for (var p : parts) {
      switch (p) {
        case StringPart.Text t -> text.append(t.text());
        case StringPart.Interpolation i -> {
          if (!text.isEmpty()) out.add(text.toString());
          text.setLength(0);
          out.add(i.expr());
        }
      }
    }
    if (!text.isEmpty()) out.add(text.toString());
    return out;
  }

  private static String show(Object o) {
    return o instanceof String s ? '"' + s.replace("\n", "\\n") + '"' : String.valueOf(o);
  }
}
