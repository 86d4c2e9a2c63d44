package aegis.adapters.pg;

import aegis.adapters.AdapterException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Server administration from the guide: terminating idle sessions, {@code ALTER SYSTEM},
 * reloading the configuration and resetting statistics, each with a preview of what it would do.
 */
public final class PgAdmin {
  private PgAdmin() {}

  /** A session that {@code terminateIdle} would end. */
  public record IdleSession(int pid, String user, String application, String client, String state, Duration idleFor) {}

  /** A server setting as {@code pg_settings} shows it; {@code context} says what applying it takes. */
  public record Setting(String name, String value, String unit, String context, String vartype, List<String> enumValues, boolean pendingRestart) {
    /** What puts a new value in force: "restart" for server-start settings, else "reload". */
    public String takesEffect() { return context.equals("postmaster") ? "restart" : "reload"; }
  }

  /** A setting whose configuration-file value is not yet in force. */
  public record PendingChange(String name, String now, String next, boolean needsRestart, String error) {}

  private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  // ---------------------------------------------------------------- terminate idle sessions

  /** The sessions {@link #terminateIdle} would end now. */
  public static List<IdleSession> idleSessions(PgClient client, Duration olderThan, boolean inTransactionToo, Duration timeout) {
    var own = client.ownBackendPids();
    return client.read("listing idle sessions", timeout, c -> idle(c, olderThan, inTransactionToo, own, false)).stream()
        .map(IdleRow::session).toList();
  }

  /**
   * Terminates the client sessions of the connected database that have been idle (and, with
   * {@code inTransactionToo}, idle in a transaction) for at least {@code olderThan}, never our
   * own; the ones ended.
   */
  public static List<IdleSession> terminateIdle(PgClient client, Duration olderThan, boolean inTransactionToo, Duration timeout) {
    var own = client.ownBackendPids();
    return client.write("terminating idle sessions", timeout, c -> idle(c, olderThan, inTransactionToo, own, true)).stream()
        .filter(IdleRow::terminated).map(IdleRow::session).toList();
  }

  private record IdleRow(IdleSession session, boolean terminated) {}

  /**
   * One statement lists (and, with {@code terminate}, ends) the sessions, so a session that turned
   * active since the plan is not touched: its state is checked by the statement that ends it.
   */
  private static List<IdleRow> idle(Connection c, Duration olderThan, boolean inTransactionToo, Set<Integer> own, boolean terminate)
      throws SQLException {
    var sql = """
        SELECT pid, usename, application_name, coalesce(client_addr::text, 'local'), state,
               (extract(epoch FROM now() - state_change) * 1000)::bigint, %s
        FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
          AND (state = 'idle' OR (? AND state IN ('idle in transaction', 'idle in transaction (aborted)')))
          AND NOT (pid = ANY (?)) AND state_change <= now() - make_interval(secs => ?)
        ORDER BY state_change, pid""".formatted(terminate ? "pg_terminate_backend(pid)" : "false");
    try (var ps = c.prepareStatement(sql)) {
      ps.setBoolean(1, inTransactionToo);
      ps.setArray(2, c.createArrayOf("int4", own.toArray()));
      ps.setDouble(3, olderThan.toMillis() / 1000.0);
      try (var rs = ps.executeQuery()) {
        var out = new ArrayList<IdleRow>();
        while (rs.next()) {
          var s = new IdleSession(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              Duration.ofMillis(rs.getLong(6)));
          out.add(new IdleRow(s, rs.getBoolean(7)));
        }
        return out;
      }
    }
  }

  // ---------------------------------------------------------------- ALTER SYSTEM

  /** The setting as it is now; an unknown name fails with the nearest known ones. */
  public static Setting setting(PgClient client, String name, Duration timeout) {
    requireName(name);
    return client.read("reading setting " + name, timeout, c -> {
      var sql = "SELECT name, setting, unit, context, vartype, enumvals, pending_restart FROM pg_settings WHERE name = lower(?)";
      try (var ps = c.prepareStatement(sql)) {
        ps.setString(1, name);
        try (var rs = ps.executeQuery()) {
          if (!rs.next()) throw unknownSetting(c, client.endpoint(), name);
          var enums = rs.getArray(6);
          List<String> values = enums == null ? List.of() : List.of((String[]) enums.getArray());
          return new Setting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), values, rs.getBoolean(7));
        }
      }
    });
  }

  /** Checks the value against what the server accepts for the setting, as far as can be known without setting it. */
  public static void checkValue(Setting s, String value) {
    if (s.vartype().equals("enum") && !s.enumValues().contains(value.toLowerCase(java.util.Locale.ROOT))) {
      throw new AdapterException(PgErrors.SYSTEM, "\"" + value + "\" is not a value of " + s.name() + ": one of " + String.join(", ", s.enumValues()));
    }
    if (s.vartype().equals("bool") && !value.toLowerCase(java.util.Locale.ROOT).matches("on|off|true|false|yes|no|1|0")) {
      throw new AdapterException(PgErrors.SYSTEM, s.name() + " is on or off, not \"" + value + "\"");
    }
  }

  /** {@code ALTER SYSTEM SET name = 'value'}: written to postgresql.auto.conf, in force after a reload or restart. */
  public static Setting setSystem(PgClient client, String name, String value, Duration timeout) {
    var before = setting(client, name, timeout);
    checkValue(before, value);
    var statement = "ALTER SYSTEM SET " + before.name() + " = " + quoteLiteral(value);
    client.write("ALTER SYSTEM", timeout, c -> {
      try (var st = c.createStatement()) {
        st.execute(statement);
      }
      return null;
    });
    return before;
  }

  static String quoteLiteral(String value) { return "'" + value.replace("'", "''") + "'"; }

  private static void requireName(String name) {
    if (!SETTING_NAME.matcher(name).matches()) {
      throw new AdapterException(PgErrors.SYSTEM, "\"" + name + "\" is not a PostgreSQL setting name");
    }
  }

  private static AdapterException unknownSetting(Connection c, PgEndpoint ep, String name) throws SQLException {
    var near = new ArrayList<String>();
    // A small edit distance finds typos; the catalog has a few hundred names, so this is cheap.
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM pg_settings")) {
      var target = name.toLowerCase(java.util.Locale.ROOT);
      var best = new java.util.TreeMap<Integer, List<String>>();
      while (rs.next()) {
        var n = rs.getString(1);
        int d = Edits.distance(n, target);
        if (d <= Math.max(2, target.length() / 4)) best.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
      }
      if (!best.isEmpty()) near.addAll(best.firstEntry().getValue());
    }
    return new AdapterException(PgErrors.SYSTEM, "PostgreSQL at " + ep.display() + " has no setting \"" + name + "\""
        + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near.subList(0, Math.min(3, near.size()))) + "?)"));
  }

  /** The setting's current value as {@code SHOW} prints it (with its unit), or null when there is no such setting. */
  public static String show(PgClient client, String name, Duration timeout) {
    return client.read("reading setting " + name, timeout, c -> {
      try (var ps = c.prepareStatement("SELECT current_setting(?, true)")) {
        ps.setString(1, name);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    });
  }

  /** Size on disk of {@code database} (the connected one when null), in bytes. */
  public static long databaseSize(PgClient client, String database, Duration timeout) {
    return client.read("reading the database size", timeout, c -> {
      var sql = "SELECT pg_database_size(d.oid) FROM pg_database d WHERE d.datname = coalesce(?, current_database())";
      try (var ps = c.prepareStatement(sql)) {
        ps.setString(1, database);
        try (var rs = ps.executeQuery()) {
          if (rs.next()) return rs.getLong(1);
        }
      }
      throw new AdapterException(PgErrors.SYSTEM, "no database \"" + database + "\" on " + client.endpoint().host() + ":" + client.endpoint().port());
    });
  }

  // ---------------------------------------------------------------- reload

  /**
   * Settings whose value in the configuration files (the last one wins) differs from the one in
   * force: what a reload (or, for {@code needsRestart}, a restart) would change. Settings given on
   * the server's command line or per database/role outrank the files and are left out; values are
   * compared in the setting's unit ({@code 1GB} is {@code 1024} when the unit is MB).
   */
  public static List<PendingChange> pendingChanges(PgClient client, Duration timeout) {
    return client.read("reading pending configuration", timeout, c -> {
      var sql = """
          SELECT DISTINCT ON (f.name) f.name, s.setting, f.setting, s.context = 'postmaster', f.error, s.unit, s.vartype
          FROM pg_file_settings f JOIN pg_settings s ON s.name = f.name
          WHERE s.source IN ('default', 'environment variable', 'configuration file')
          ORDER BY f.name, f.seqno DESC""";
      try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
        var out = new ArrayList<PendingChange>();
        while (rs.next()) {
          var error = rs.getString(5);
          boolean restart = rs.getBoolean(4);
          // For a server-start setting "could not be applied" only means "differs": the restart is the change.
          if (restart && "setting could not be applied".equals(error)) error = null;
          if (error == null && GucValues.same(rs.getString(3), rs.getString(2), rs.getString(6), rs.getString(7))) continue;
          out.add(new PendingChange(rs.getString(1), rs.getString(2), rs.getString(3), restart, error));
        }
        return out;
      }
    });
  }

  /** {@code pg_reload_conf()}: true when the server accepted the signal. */
  public static boolean reload(PgClient client, Duration timeout) {
    return client.write("reloading the configuration", timeout, c -> {
      try (var st = c.createStatement(); var rs = st.executeQuery("SELECT pg_reload_conf()")) {
        rs.next();
        return rs.getBoolean(1);
      }
    });
  }

  // ---------------------------------------------------------------- statistics reset

  /** When the current database's statistics were last reset (ISO-8601), or null if never. */
  public static String statsResetAt(PgClient client, Duration timeout) {
    return client.read("reading statistics", timeout, c -> {
      try (var st = c.createStatement();
          var rs = st.executeQuery("SELECT stats_reset::text FROM pg_stat_database WHERE datname = current_database()")) {
        return rs.next() ? rs.getString(1) : null;
      }
    });
  }

  /** {@code pg_stat_reset()}: zeroes the current database's statistics counters. */
  public static void statsReset(PgClient client, Duration timeout) {
    client.write("resetting statistics", timeout, c -> {
      try (var st = c.createStatement()) {
        st.execute("SELECT pg_stat_reset()");
      }
      return null;
    });
  }
}
