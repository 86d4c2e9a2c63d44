package aegis.doc;

import aegis.doc.ModuleDoc.ConstantDoc;
import aegis.doc.ModuleDoc.EnumDoc;
import aegis.doc.ModuleDoc.FieldDoc;
import aegis.doc.ModuleDoc.FunctionDoc;
import aegis.doc.ModuleDoc.RecordDoc;
import aegis.types.EnumType;
import aegis.types.ModuleInfo;
import aegis.types.ModuleRegistry;
import aegis.types.RecordType;
import aegis.types.Symbol;
import aegis.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link ModuleDoc}s from the checker's {@link ModuleInfo}: the stdlib declarations are the
 * single source of the docs, as they are of types, effects and completion.
 */
public final class ModuleDocs {
  private ModuleDocs() {}

  /** Every stdlib module of {@code registry}, by name. */
  public static List<ModuleDoc> all(ModuleRegistry registry) {
    var out = new ArrayList<ModuleDoc>();
    for (String name : registry.stdlibNames()) {
      var info = registry.stdlib(name);
      if (info != null) out.add(of(info));
    }
    return out;
  }

  /** One module's documentation. */
  public static ModuleDoc of(ModuleInfo module) {
    var records = new ArrayList<RecordDoc>();
    var enums = new ArrayList<EnumDoc>();
    var functions = new ArrayList<FunctionDoc>();
    var constants = new ArrayList<ConstantDoc>();
    for (Symbol s : module.declarations()) {
      switch (s.kind()) {
        case RECORD -> {
          if (s.type() instanceof RecordType r) records.add(record(r));
        }
        case ENUM -> {
          if (s.type() instanceof EnumType e) {
            enums.add(new EnumDoc(e.display(), e.doc(), e.members().stream().map(EnumType.Member::name).toList()));
          }
        }
        case FUNCTION, EXTERN_FUNCTION -> functions.add(new FunctionDoc(qualified(s.module(), s.name()),
            s.effect(), s.kind() == Symbol.Kind.EXTERN_FUNCTION,
            s.signature() == null ? "" : s.signature().display(), s.describe(), s.doc()));
        case LET -> constants.add(new ConstantDoc(qualified(s.module(), s.name()), s.type().display(), s.doc()));
        default -> { }
      }
    }
    String doc = module.doc() == null ? "" : module.doc();
    return new ModuleDoc(module.name(), doc, summary(doc), records, enums, functions, constants);
  }

  /** {@code k8s.apply}; core names are shown bare, as everywhere else. */
  private static String qualified(String module, String name) {
    return module == null || module.equals(Types.CORE) ? name : module + "." + name;
  }

  private static RecordDoc record(RecordType r) {
    var fields = new ArrayList<FieldDoc>();
    for (var f : r.fields()) {
      fields.add(new FieldDoc(f.name(), f.type().display(), f.hasDefault() ? f.defaultValue().span().text() : null, f.doc()));
    }
    return new RecordDoc(r.display(), r.doc(), fields);
  }

  /**
   * The first sentence of a doc comment, on one line: up to the first full stop followed by a
   * space or the end, outside {@code `code`}, that does not end "e.g." or "i.e."; at most the
   * first paragraph.
   */
  static String summary(String doc) {
    String paragraph = doc.strip().split("\n\\s*\n", 2)[0].replaceAll("\\s*\n\\s*", " ");
    boolean inCode = false;
    for (int i = 0; i < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      if (c == '`') inCode = !inCode;
      boolean sentenceEnd = c == '.' && !inCode && (i + 1 == paragraph.length() || paragraph.charAt(i + 1) == ' ');
      if (sentenceEnd && !paragraph.startsWith("e.g", i - 3) && !paragraph.startsWith("i.e", i - 3)) {
        return paragraph.substring(0, i + 1);
      }
    }
    return paragraph;
  }
}
