package aegis.adapters.pg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code pg.exec} would do, for its plan: the statement's verb and, for statements the server
 * can {@code EXPLAIN} without running them (DML), the planner's estimate of the rows touched. A
 * DML statement that the server rejects (an unknown table, a type error) fails the plan, as it
 * would fail the apply.
 */
final class PgExplain {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EXPLAINABLE = List.of("INSERT", "UPDATE", "DELETE", "SELECT", "WITH", "MERGE", "VALUES");

  private PgExplain() {}

  /** The statement's first keyword, upper-cased ({@code "UPDATE"}), or {@code "SQL"} when it has none. */
  static String verb(String sql) {
    var m = java.util.regex.Pattern.compile("^\\s*(?:--[^\\n]*\\n\\s*)*([A-Za-z]+)").matcher(sql);
    return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "SQL";
  }

  /** The planner's row estimate for a DML statement, or null for statements it cannot explain. */
  static Long estimatedRows(PgClient client, String sql, List<String> params, Duration timeout) {
    if (!EXPLAINABLE.contains(verb(sql))) return null;
    return client.read("planning exec", timeout, c -> {
      try (var ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
        for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rows(parse(rs.getString(1)).path(0).path("Plan"));
        }
      }
    });
  }

  /** A ModifyTable node estimates 0 rows of output; the rows it touches are its input's. */
  private static long rows(JsonNode plan) {
    if ("ModifyTable".equals(plan.path("Node Type").asText()) && plan.path("Plans").size() > 0) {
      return plan.path("Plans").path(0).path("Plan Rows").asLong();
    }
    return plan.path("Plan Rows").asLong();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("PostgreSQL returned an EXPLAIN that is not JSON", e);
    }
  }
}
