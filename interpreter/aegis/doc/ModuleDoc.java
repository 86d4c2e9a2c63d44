package aegis.doc;

import aegis.syntax.ast.Effect;
import java.util.List;

/**
 * What {@code aegis doc MODULE} shows of one module, made from the checker's view of its
 * declarations ({@link ModuleDocs#of}): its documentation, records, enums, functions and constants,
 * each in declaration order. Types are shown as the checker displays them ({@code k8s.Pod},
 * {@code List<String>?}); defaults as written in the source.
 *
 * @param summary the first sentence of {@code doc}, or "" when the module has no documentation
 */
public record ModuleDoc(String name, String doc, String summary, List<RecordDoc> records, List<EnumDoc> enums,
                        List<FunctionDoc> functions, List<ConstantDoc> constants) {
  public ModuleDoc {
    records = List.copyOf(records);
    enums = List.copyOf(enums);
    functions = List.copyOf(functions);
    constants = List.copyOf(constants);
  }

  /** A record type; {@code name} is qualified with the module unless it is {@code core}. */
  public record RecordDoc(String name, String doc, List<FieldDoc> fields) {
    public RecordDoc { fields = List.copyOf(fields); }
  }

  /** A record field; {@code defaultValue} is the default as written, or null for a required field. */
  public record FieldDoc(String name, String type, String defaultValue, String doc) {}

  /** An enum type and its members. */
  public record EnumDoc(String name, String doc, List<String> members) {
    public EnumDoc { members = List.copyOf(members); }
  }

  /**
   * A function: {@code signature} is {@code <T>(xs: List<T>, limit: Int = 10) -> List<T>};
   * {@code declaration} is the checker's one-line description ({@code extern read fn http.get(...)}).
   *
   * @param external whether it is implemented in Java ({@code extern fn}) rather than in aegis
   */
  public record FunctionDoc(String name, Effect effect, boolean external, String signature, String declaration,
                            String doc) {}

  /** A module-level {@code let}. */
  public record ConstantDoc(String name, String type, String doc) {}
}
