package aegis.types;

import aegis.syntax.Span;
import aegis.syntax.ast.Expr;
import java.util.List;

/**
 * A record type declared with {@code record Name { ... }}. Two record types are the same type only
 * when they come from the same declaration (identity). The fields are filled in once, after every
 * type of the module is known, so that records may refer to each other in any order.
 */
public final class RecordType implements Type {
  /** A field; {@code defaultValue} is null for a required field. */
  public record Field(String name, Type type, Expr defaultValue, String doc, Span span) {
    public boolean hasDefault() { return defaultValue != null; }
  }

  private final String name;
  private final String module;
  private final String doc;
  private final Span span;
  private List<Field> fields = List.of();

  RecordType(String name, String module, String doc, Span span) {
    this.name = name;
    this.module = module;
    this.doc = doc;
    this.span = span;
  }

  public String name() { return name; }

  /** The declaring module's name ({@code core}, {@code k8s}, or a file module's name). */
  public String module() { return module; }

  public String doc() { return doc; }

  /** Where the record's name is declared. */
  public Span span() { return span; }

  /** The fields in declaration order. */
  public List<Field> fields() { return fields; }

  /** The field called {@code fieldName}, or null. */
  public Field field(String fieldName) {
    int i = fieldIndex(fieldName);
    return i < 0 ? null : fields.get(i);
  }

  /**
   * The position of the field called {@code fieldName}, or -1. By name: a field's {@code equals}
   * would compare its default value's whole tree.
   */
  public int fieldIndex(String fieldName) {
    for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(fieldName)) return i;
    return -1;
  }

  void define(List<Field> declared) { this.fields = List.copyOf(declared); }

  /** {@code Service} for core records, {@code k8s.Pod} for the others. */
  @Override
  public String display() { return Types.qualified(module, name); }

  @Override
  public String toString() { return display(); }
}
