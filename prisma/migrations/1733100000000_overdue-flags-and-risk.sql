-- Up Migration

-- The nightly run's overdue flag moves from a column of invoices to a table of its own. Stamping the column
-- rewrote each invoice row and all eight of its indexes (1.75 s per 20,000 invoices on the 1M-invoice bench,
-- 65 s on a first night); a row here costs a hundredth of that, and the aging trigger no longer fires.
CREATE TABLE invoice_overdue_flags (
  company_id  uuid NOT NULL,
  invoice_id  uuid NOT NULL,
  customer_id uuid NOT NULL,
  due_date    date NOT NULL,
  -- The run's calendar day in the company's time zone, and the instant it flagged.
  run_on      date NOT NULL,
  flagged_at  timestamptz NOT NULL,
  PRIMARY KEY (company_id, invoice_id),
  -- Not a foreign key to invoices: checking one takes a share lock on each invoice row, which is most of a
  -- first night's cost (63 s against 23 s on the bench). Invoices are only deleted with their company.
  FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE
);
-- The day's summary (flagged on run_on) and the worklist's "newly overdue" (fell due in the last days).
CREATE INDEX invoice_overdue_flags_run_idx ON invoice_overdue_flags (company_id, run_on);
CREATE INDEX invoice_overdue_flags_due_idx ON invoice_overdue_flags (company_id, due_date) INCLUDE (customer_id, flagged_at);

INSERT INTO invoice_overdue_flags (company_id, invoice_id, customer_id, due_date, run_on, flagged_at)
SELECT i.company_id, i.id, i.customer_id, i.due_date, (i.overdue_flagged_at AT TIME ZONE c.time_zone)::date, i.overdue_flagged_at
FROM invoices i JOIN companies c ON c.id = i.company_id
WHERE i.overdue_flagged_at IS NOT NULL;

DROP INDEX invoices_newly_overdue_idx;
DROP INDEX invoices_overdue_flagged_idx;
DROP INDEX invoices_overdue_unflagged_idx;
ALTER TABLE invoices DROP COLUMN overdue_flagged_at;
-- The run's overdue invoices by due date, index-only: the flagging (anti-joined to the flags) and the dunning
-- triage read 450,000 of them each night on the bench without visiting an invoice row.
CREATE INDEX invoices_ageable_due_idx ON invoices (company_id, due_date) INCLUDE (id, customer_id, currency, balance_minor)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0;

-- Money at risk per customer, location and currency as of a day (the worklist's order): refreshed by the
-- nightly run, or by the first worklist read of a day the run has not refreshed yet. Ranking 46,000 items
-- live read every item's customer's invoices (2.8 s on the bench); the page's own rows are still computed live.
CREATE TABLE customer_risk (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  customer_id   uuid NOT NULL,
  location_id   uuid NOT NULL,
  currency      char(3) NOT NULL,
  overdue_minor bigint NOT NULL,
  risk_minor    bigint NOT NULL,
  PRIMARY KEY (company_id, customer_id, location_id, currency)
);
CREATE TABLE customer_risk_refreshes (
  company_id   uuid PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
  as_of        date NOT NULL,
  refreshed_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE customer_risk_refreshes;
DROP TABLE customer_risk;
DROP INDEX invoices_ageable_due_idx;
ALTER TABLE invoices ADD COLUMN overdue_flagged_at timestamptz;
UPDATE invoices i SET overdue_flagged_at = f.flagged_at FROM invoice_overdue_flags f WHERE f.company_id = i.company_id AND f.invoice_id = i.id;
CREATE INDEX invoices_overdue_unflagged_idx ON invoices (company_id, due_date)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0 AND overdue_flagged_at IS NULL;
CREATE INDEX invoices_overdue_flagged_idx ON invoices (company_id, overdue_flagged_at)
  WHERE overdue_flagged_at IS NOT NULL;
CREATE INDEX invoices_newly_overdue_idx ON invoices (company_id, due_date) INCLUDE (customer_id, overdue_flagged_at)
  WHERE overdue_flagged_at IS NOT NULL AND status IN ('open', 'partially_paid') AND balance_minor > 0;
DROP TABLE invoice_overdue_flags;
