package aegis.adapters.pg;

import aegis.adapters.AdapterException;
import aegis.eval.Durations;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Turns JDBC failures into {@link AdapterException}s whose message says what failed and what to do,
 * by SQLSTATE class. Messages name the endpoint and the credential's source, never its value
 * (pgjdbc's own messages never contain the password either).
 */
final class PgErrors {
  static final String SYSTEM = "postgresql";

  private PgErrors() {}

  /** Whether the connection that raised {@code e} can no longer be used. */
  static boolean connectionLost(SQLException e) {
    var state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("28");
  }

  /**
   * @param what     what was being done, e.g. "VACUUM ANALYZE" or "query"
   * @param timeout  the statement timeout in force (for the timeout message), or null
   */
  static AdapterException translate(SQLException e, PgEndpoint ep, String what, Duration timeout) {
    var state = e.getSQLState() == null ? "" : e.getSQLState();
    var at = " (" + ep.display() + ")";
    var msg = firstLine(e.getMessage());
    // pgjdbc reports a password the server asked for and the endpoint lacks as a connection error (08004).
    if (ep.password() == null && msg.contains("no password was provided")) state = "28P01";
    String text = switch (state) {
      case "28P01", "28000" -> "authentication failed for user \"" + ep.user() + "\"" + at
          + (ep.password() == null ? ": the environment gives no password; give the endpoint one, or check the server's pg_hba.conf"
              : ": check the password in the " + ep.password().describe() + " and the server's pg_hba.conf");
      case "57014" -> what + " was cancelled: "
          + (timeout == null ? msg : "it ran longer than the statement timeout of " + Durations.format(timeout))
          + at + "; raise the endpoint's statementTimeout or the step's timeout if it needs longer";
      case "57P01", "57P02" -> "the PostgreSQL server shut down during " + what + at + ": " + msg;
      case "57P03" -> "PostgreSQL is not accepting connections yet" + at + ": " + msg;
      case "3D000" -> "database \"" + ep.database() + "\" does not exist on " + ep.host() + ":" + ep.port();
      case "42501" -> "permission denied for user \"" + ep.user() + "\" during " + what + at + ": " + msg;
      case "25006" -> what + " tried to change data in a read-only call" + at + ": use pg.exec for statements that write";
      default -> {
        if (state.startsWith("08") || state.isEmpty()) {
          yield "cannot reach PostgreSQL at " + ep.host() + ":" + ep.port() + " during " + what + ": " + msg
              + (msg.contains("refused") ? " (is the server running and listening there?)" : "");
        }
        yield what + " failed" + at + ": " + msg + " [SQLSTATE " + state + "]";
      }
    };
    return new AdapterException(SYSTEM, text, e);
  }

  private static String firstLine(String s) {
    if (s == null) return "no detail from the driver";
    var nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
