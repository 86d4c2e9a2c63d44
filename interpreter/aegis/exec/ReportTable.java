package aegis.exec;

import aegis.eval.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Renders a {@code report} value: a list of records as an aligned table, a record as fields, anything else as text. */
public final class ReportTable {
  private static final int MAX_CELL = 80;

  private ReportTable() {}

  public static String render(String title, Value value) {
    var sb = new StringBuilder(title).append('\n');
    switch (value) {
      case Value.ListV list when !list.items().isEmpty() && list.items().stream().allMatch(v -> v instanceof Value.Rec || v instanceof Value.MapV) -> {
        var columns = new LinkedHashSet<String>();
        for (var item : list.items()) columns.addAll(fields(item).keySet());
        var header = new ArrayList<>(columns);
        var rows = new ArrayList<List<String>>();
        for (var item : list.items()) {
          var f = fields(item);
          rows.add(header.stream().map(c -> cell(f.getOrDefault(c, Value.Null.INSTANCE))).toList());
        }
        table(sb, header, rows);
      }
      case Value.ListV list when list.items().isEmpty() -> sb.append("  (none)\n");
      case Value.ListV list -> list.items().forEach(v -> sb.append("  - ").append(cell(v)).append('\n'));
      case Value.Rec rec -> rec.fields().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(cell(v)).append('\n'));
      case Value.MapV map -> map.entries().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(cell(v)).append('\n'));
      default -> sb.append("  ").append(cell(value)).append('\n');
    }
    return sb.toString();
  }

  private static java.util.Map<String, Value> fields(Value v) {
    return v instanceof Value.Rec r ? r.fields() : ((Value.MapV) v).entries();
  }

  private static String cell(Value v) {
    String s = v == Value.Null.INSTANCE ? "-" : v.show().replace('\n', ' ');
    return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
  }

  private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) width[i] = header.get(i).length();
    for (var row : rows) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
    line(sb, header, width);
    var rule = new ArrayList<String>();
    for (int w : width) rule.add("-".repeat(w));
    line(sb, rule, width);
    for (var row : rows) line(sb, row, width);
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    sb.append(' ');
    for (int i = 0; i < cells.size(); i++) {
      sb.append(' ').append(cells.get(i));
      if (i < cells.size() - 1) sb.append(" ".repeat(width[i] - cells.get(i).length())).append(" ");
    }
    sb.append('\n');
  }
}
