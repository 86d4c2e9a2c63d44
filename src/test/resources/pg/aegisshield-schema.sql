-- An AegisShield-shaped schema (financial crime investigation): enough tables, indexes and rows
-- for the maintenance previews, the monitoring reads and lock tests to see real statistics.
CREATE TABLE entities (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('person', 'company', 'account')),
  name text NOT NULL,
  risk_score numeric(5, 2) NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entities_name_idx ON entities (name);

CREATE TABLE transactions (
  id bigserial PRIMARY KEY,
  source_id bigint NOT NULL REFERENCES entities (id),
  target_id bigint NOT NULL REFERENCES entities (id),
  amount numeric(14, 2) NOT NULL,
  currency char(3) NOT NULL DEFAULT 'EUR',
  booked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transactions_source_idx ON transactions (source_id);
CREATE INDEX transactions_target_idx ON transactions (target_id);

CREATE TABLE alert_rules (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  severity text NOT NULL,
  enabled boolean NOT NULL DEFAULT true
);

CREATE TABLE alerts (
  id bigserial PRIMARY KEY,
  rule_id int NOT NULL REFERENCES alert_rules (id),
  entity_id bigint NOT NULL REFERENCES entities (id),
  status text NOT NULL DEFAULT 'open',
  raised_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_status_idx ON alerts (status);

CREATE TABLE cases (
  id bigserial PRIMARY KEY,
  alert_id bigint REFERENCES alerts (id),
  assignee text,
  opened_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE entity_matches (
  left_id bigint NOT NULL REFERENCES entities (id),
  right_id bigint NOT NULL REFERENCES entities (id),
  confidence double precision NOT NULL,
  PRIMARY KEY (left_id, right_id)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  actor text NOT NULL,
  action text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO entities (kind, name, risk_score)
SELECT (ARRAY['person', 'company', 'account'])[1 + i % 3], 'entity ' || i, (i % 100)::numeric
FROM generate_series(1, 2000) AS i;
INSERT INTO transactions (source_id, target_id, amount)
SELECT 1 + i % 2000, 1 + (i * 7) % 2000, (i % 5000) + 0.5 FROM generate_series(1, 5000) AS i;
INSERT INTO alert_rules (name, severity) VALUES
  ('structuring', 'High'), ('rapid-movement', 'Critical'), ('sanctions-hit', 'Critical'), ('dormant-reactivation', 'Medium');
INSERT INTO alerts (rule_id, entity_id, status)
SELECT 1 + i % 4, 1 + i % 2000, CASE WHEN i % 5 = 0 THEN 'closed' ELSE 'open' END FROM generate_series(1, 500) AS i;
-- Dead rows for VACUUM to find.
DELETE FROM transactions WHERE id % 10 = 0;
