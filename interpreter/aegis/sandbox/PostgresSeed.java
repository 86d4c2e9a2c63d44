package aegis.sandbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The platform's database as the sandbox seeds it: AegisShield's schema (entities, accounts,
 * transactions, alerts, investigations, an audit log) with rows, the statement statistics of a
 * day's typical queries in {@code pg_stat_statements}, and dead rows left by updates and deletes
 * (autovacuum is off in the sandbox, so {@code db-maintenance} has work to show). Rows come from
 * {@code random()} after {@code setseed}, so every sandbox holds the same data.
 */
final class PostgresSeed {
  private PostgresSeed() {}

  static final String SCHEMA = """
      CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
      CREATE TABLE entities (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('person', 'company', 'trust')),
        name text NOT NULL,
        country char(2) NOT NULL,
        risk_score numeric(5, 2) NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE accounts (
        id bigserial PRIMARY KEY,
        entity_id bigint NOT NULL REFERENCES entities,
        iban text NOT NULL UNIQUE,
        opened_at date NOT NULL);
      CREATE TABLE transactions (
        id bigserial PRIMARY KEY,
        from_account bigint NOT NULL REFERENCES accounts,
        to_account bigint NOT NULL REFERENCES accounts,
        amount numeric(14, 2) NOT NULL,
        currency char(3) NOT NULL,
        channel text NOT NULL,
        booked_at timestamptz NOT NULL,
        flagged boolean NOT NULL DEFAULT false);
      CREATE TABLE alerts (
        id bigserial PRIMARY KEY,
        transaction_id bigint NOT NULL REFERENCES transactions,
        rule text NOT NULL,
        severity text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL);
      CREATE TABLE investigations (
        id bigserial PRIMARY KEY,
        alert_id bigint NOT NULL REFERENCES alerts,
        assignee text NOT NULL,
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz);
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        at timestamptz NOT NULL);
      CREATE INDEX transactions_from_idx ON transactions (from_account);
      CREATE INDEX transactions_to_idx ON transactions (to_account);
      CREATE INDEX transactions_booked_idx ON transactions (booked_at);
      CREATE INDEX alerts_status_idx ON alerts (status, created_at);
      CREATE INDEX entities_name_idx ON entities (lower(name));
      CREATE INDEX investigations_alert_idx ON investigations (alert_id);
      CREATE INDEX audit_log_at_idx ON audit_log (at);
      -- Entity resolution's risk roll-up: a slow function, the slowest statement of a day.
      CREATE FUNCTION risk_rollup(entity bigint) RETURNS numeric LANGUAGE plpgsql AS $$
      DECLARE total numeric;
      BEGIN
        SELECT coalesce(sum(t.amount), 0) INTO total
          FROM transactions t JOIN accounts a ON a.id = t.from_account WHERE a.entity_id = entity;
        PERFORM pg_sleep(0.06);
        RETURN total;
      END $$;
      """;

  static final String ROWS = """
      SELECT setseed(0.42);
      INSERT INTO entities (kind, name, country, risk_score, created_at)
        SELECT (ARRAY['person', 'person', 'company', 'trust'])[1 + (random() * 3)::int],
               (ARRAY['Harbor', 'Northwind', 'Aldgate', 'Meridian', 'Crescent', 'Oakridge', 'Vantage', 'Sable'])[1 + (random() * 7)::int]
                 || ' ' || (ARRAY['Holdings', 'Trading', 'Capital', 'Partners', 'Logistics', 'Ventures'])[1 + (random() * 5)::int]
                 || ' ' || i,
               (ARRAY['GB', 'DE', 'NL', 'CY', 'AE', 'US', 'SG', 'PA'])[1 + (random() * 7)::int],
               round((random() * 100)::numeric, 2), now() - random() * interval '900 days'
        FROM generate_series(1, 4000) i;
      INSERT INTO accounts (entity_id, iban, opened_at)
        SELECT 1 + (random() * 3999)::int, 'GB' || lpad(i::text, 20, '0'), current_date - (random() * 2000)::int
        FROM generate_series(1, 6000) i;
      INSERT INTO transactions (from_account, to_account, amount, currency, channel, booked_at)
        SELECT 1 + (random() * 5999)::int, 1 + (random() * 5999)::int, round((random() * random() * 250000)::numeric, 2),
               (ARRAY['EUR', 'GBP', 'USD'])[1 + (random() * 2)::int],
               (ARRAY['swift', 'sepa', 'card', 'faster-payments'])[1 + (random() * 3)::int],
               now() - random() * interval '30 days'
        FROM generate_series(1, 40000) i;
      INSERT INTO alerts (transaction_id, rule, severity, status, created_at)
        SELECT 1 + (random() * 39999)::int,
               (ARRAY['structuring', 'rapid-movement', 'high-risk-jurisdiction', 'round-amounts', 'dormant-reactivation'])[1 + (random() * 4)::int],
               (ARRAY['low', 'medium', 'medium', 'high', 'critical'])[1 + (random() * 4)::int],
               'open', now() - random() * interval '30 days'
        FROM generate_series(1, 2500) i;
      INSERT INTO investigations (alert_id, assignee, status, opened_at, updated_at)
        SELECT i * 6, (ARRAY['a.okafor', 'm.lindqvist', 'j.reyes', 's.mehta'])[1 + (random() * 3)::int],
               (ARRAY['open', 'in_review', 'escalated', 'closed'])[1 + (random() * 3)::int],
               now() - random() * interval '30 days', now() - random() * interval '2 days'
        FROM generate_series(1, 400) i;
      INSERT INTO audit_log (actor, action, subject, at)
        SELECT (ARRAY['api-gateway', 'alert-engine', 'a.okafor', 'j.reyes'])[1 + (random() * 3)::int],
               (ARRAY['view', 'update', 'export', 'login'])[1 + (random() * 3)::int],
               'entity/' || (1 + (random() * 3999)::int), now() - random() * interval '30 days'
        FROM generate_series(1, 15000) i;
      -- A day's triage and retention jobs: the dead rows db-maintenance's VACUUM reclaims.
      UPDATE alerts SET status = 'closed' WHERE id % 3 = 0;
      UPDATE transactions SET flagged = true WHERE id IN (SELECT transaction_id FROM alerts);
      DELETE FROM audit_log WHERE id % 4 = 0;
      """;

  /** A day of the services' queries, for pg_stat_statements: each statement and how often it runs. */
  private static final String[][] WORKLOAD = {
      {"SELECT count(*) FROM transactions WHERE booked_at > now() - interval '1 day'", "4"},
      {"SELECT id, name, risk_score FROM entities WHERE lower(name) LIKE 'harbor%' ORDER BY risk_score DESC LIMIT 20", "12"},
      {"SELECT * FROM alerts WHERE status = 'open' ORDER BY created_at DESC LIMIT 100", "10"},
      {"""
          SELECT e.id, e.name, sum(t.amount) AS exposure, count(*) AS transfers
          FROM transactions t JOIN accounts a ON a.id = t.from_account JOIN entities e ON e.id = a.entity_id
          WHERE t.booked_at > now() - interval '7 days'
          GROUP BY e.id, e.name ORDER BY exposure DESC LIMIT 50""", "3"},
      {"SELECT risk_rollup(id) FROM entities WHERE id = 17", "3"},
      {"UPDATE investigations SET updated_at = now() WHERE id = 11", "8"},
      {"SELECT i.id, i.status, a.rule, a.severity FROM investigations i JOIN alerts a ON a.id = i.alert_id WHERE i.status <> 'closed'", "6"},
  };

  /** Creates the schema and rows; {@code connection} is to the platform's database. */
  static void seed(Connection connection) throws SQLException {
    try (var st = connection.createStatement()) {
      st.execute(SCHEMA);
      st.execute(ROWS);
      // The statistics start with the services' traffic, not with the seeding above.
      st.execute("SELECT pg_stat_statements_reset()");
      for (var statement : WORKLOAD) {
        for (int i = 0; i < Integer.parseInt(statement[1]); i++) st.execute(statement[0]);
      }
    }
  }
}
