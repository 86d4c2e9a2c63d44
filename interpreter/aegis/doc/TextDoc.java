package aegis.doc;

import aegis.doc.ModuleDoc.ConstantDoc;
import aegis.doc.ModuleDoc.EnumDoc;
import aegis.doc.ModuleDoc.FieldDoc;
import aegis.doc.ModuleDoc.FunctionDoc;
import aegis.doc.ModuleDoc.RecordDoc;
import aegis.syntax.ast.Effect;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code aegis doc} for terminals: declarations flush left, documentation indented under them,
 * doc comments as written (their line breaks kept). Colour (ANSI) only when asked for: names and
 * headings bold, effects coloured by how much they can change (read green, write yellow,
 * destructive red).
 */
public final class TextDoc {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[1;31m";
  private static final String INDENT = "    ";
  /** Summaries in the module list are cut to fit a terminal line after the module name. */
  private static final int SUMMARY_WIDTH = 88;

  private final PrintWriter out;
  private final boolean color;

  public TextDoc(PrintWriter out, boolean color) {
    this.out = out;
    this.color = color;
  }

  /** The list of modules, one line each, with the first sentence of its documentation. */
  public void list(List<ModuleDoc> modules) {
    out.println("Modules of the standard library (`import NAME`; `core` is always in scope):");
    out.println();
    int width = modules.stream().mapToInt(m -> m.name().length()).max().orElse(0);
    for (var m : modules) {
      out.println("  " + paint(BOLD, m.name()) + " ".repeat(width - m.name().length() + 2) + shorten(m.summary()));
    }
    out.println();
    out.println("Run `aegis doc MODULE` for a module's records, enums and functions.");
  }

  /** Everything a module declares. */
  public void module(ModuleDoc m) {
    out.println(paint(BOLD, "module " + m.name()));
    doc(m.doc());
    section("Records", m.records(), this::record);
    section("Enums", m.enums(), this::enumType);
    section("Functions", m.functions(), this::function);
    section("Constants", m.constants(), this::constant);
  }

  private <T> void section(String heading, List<T> items, java.util.function.Consumer<T> show) {
    if (items.isEmpty()) return;
    out.println();
    out.println(paint(BOLD, heading));
    for (T item : items) {
      out.println();
      show.accept(item);
    }
  }

  private void record(RecordDoc r) {
    out.println("record " + paint(BOLD, r.name()));
    doc(r.doc());
    if (r.doc() != null && !r.fields().isEmpty()) out.println();
    for (FieldDoc f : r.fields()) {
      out.println(INDENT + paint(BOLD, f.name()) + ": " + f.type() + (f.defaultValue() == null ? "" : " = " + f.defaultValue()));
      if (f.doc() != null) for (String line : f.doc().split("\n", -1)) out.println(INDENT + INDENT + line);
    }
  }

  private void enumType(EnumDoc e) {
    out.println("enum " + paint(BOLD, e.name()) + " { " + String.join(", ", e.members()) + " }");
    doc(e.doc());
  }

  private void function(FunctionDoc f) {
    out.println(effect(f.effect()) + "fn " + paint(BOLD, f.name()) + f.signature());
    doc(f.doc());
  }

  private void constant(ConstantDoc c) {
    out.println("let " + paint(BOLD, c.name()) + ": " + c.type());
    doc(c.doc());
  }

  /** The summary, or as many of its words as fit {@link #SUMMARY_WIDTH} followed by "...". */
  static String shorten(String summary) {
    if (summary.length() <= SUMMARY_WIDTH) return summary;
    int cut = summary.lastIndexOf(' ', SUMMARY_WIDTH - 3);
    return summary.substring(0, cut > 0 ? cut : SUMMARY_WIDTH - 3).stripTrailing() + "...";
  }

  private String effect(Effect effect) {
    return switch (effect) {
      case PURE -> "";
      case READ -> paint(GREEN, "read") + " ";
      case WRITE -> paint(YELLOW, "write") + " ";
      case DESTRUCTIVE -> paint(RED, "destructive") + " ";
    };
  }

  private void doc(String doc) {
    if (doc == null || doc.isBlank()) return;
    for (String line : doc.split("\n", -1)) out.println(line.isEmpty() ? "" : INDENT + line);
  }

  private String paint(String code, String text) {
    return color ? code + text + RESET : text;
  }
}
