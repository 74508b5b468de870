-- Up Migration

-- Running totals of the open receivables, so the aging page need not aggregate every open invoice on each
-- view. Buckets depend on the as-of date, so the totals are kept by the dates that decide a bucket, for the
-- whole company (what an admin sees) and per location (for a location filter):
--   aging_date_totals, aging_location_date_totals:         by invoice date and due date (the summary row);
--   aging_customer_totals, aging_customer_location_totals: by customer (who has a row, and their total).
-- They count only invoices that age (status open or partially_paid with a positive balance: the aging
-- indexes' predicate, lib/receivables/aging-sql.ts AGEABLE_INVOICE).
--
-- Invoice writes never touch these tables: a statement trigger appends each statement's net change to
-- aging_changes, which only ever takes inserts, so concurrent payments, imports and postings neither wait
-- for each other nor deadlock on shared totals. aging_fold_changes() moves the changes into the totals in
-- one transaction; readers add the not-yet-folded changes to the totals, so their answer is exact whether a
-- fold has run or not, and folding only keeps the change log short.

CREATE TABLE aging_date_totals (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  currency      char(3) NOT NULL,
  invoice_date  date NOT NULL,
  due_date      date NOT NULL,
  invoice_count integer NOT NULL,
  balance_minor bigint NOT NULL,
  PRIMARY KEY (company_id, currency, invoice_date, due_date)
);
CREATE TABLE aging_location_date_totals (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  currency      char(3) NOT NULL,
  location_id   uuid NOT NULL,
  invoice_date  date NOT NULL,
  due_date      date NOT NULL,
  invoice_count integer NOT NULL,
  balance_minor bigint NOT NULL,
  PRIMARY KEY (company_id, currency, location_id, invoice_date, due_date)
);
CREATE TABLE aging_customer_totals (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  currency      char(3) NOT NULL,
  customer_id   uuid NOT NULL,
  invoice_count integer NOT NULL,
  balance_minor bigint NOT NULL,
  PRIMARY KEY (company_id, currency, customer_id)
);
CREATE TABLE aging_customer_location_totals (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  currency      char(3) NOT NULL,
  location_id   uuid NOT NULL,
  customer_id   uuid NOT NULL,
  invoice_count integer NOT NULL,
  balance_minor bigint NOT NULL,
  -- Location first: a location filter reads its locations' ranges.
  PRIMARY KEY (company_id, currency, location_id, customer_id)
);
-- Folding deletes totals that reach zero invoices; these find them without a scan.
CREATE INDEX aging_date_totals_empty_idx ON aging_date_totals (company_id) WHERE invoice_count = 0;
CREATE INDEX aging_location_date_totals_empty_idx ON aging_location_date_totals (company_id) WHERE invoice_count = 0;
CREATE INDEX aging_customer_totals_empty_idx ON aging_customer_totals (company_id) WHERE invoice_count = 0;
CREATE INDEX aging_customer_location_totals_empty_idx ON aging_customer_location_totals (company_id) WHERE invoice_count = 0;

CREATE TABLE aging_changes (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id            bigint GENERATED ALWAYS AS IDENTITY,
  currency      char(3) NOT NULL,
  customer_id   uuid NOT NULL,
  location_id   uuid NOT NULL,
  invoice_date  date NOT NULL,
  due_date      date NOT NULL,
  invoice_count integer NOT NULL,
  balance_minor bigint NOT NULL,
  PRIMARY KEY (company_id, id)
);
CREATE INDEX aging_changes_scope_idx ON aging_changes (company_id, currency);

-- One row per key with the statement's net change: ageable rows after the statement count +1, ageable rows
-- before it -1. An update that leaves the aging columns alone nets to nothing and writes nothing. Rows of a
-- company deleted in the same statement (ON DELETE CASCADE from companies) are skipped: their totals go
-- with the company.
CREATE FUNCTION aging_log_invoice_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO aging_changes (company_id, currency, customer_id, location_id, invoice_date, due_date, invoice_count, balance_minor)
    SELECT company_id, currency, customer_id, location_id, invoice_date, due_date, count(*), sum(balance_minor)
    FROM new_rows
    WHERE status IN ('open', 'partially_paid') AND balance_minor > 0
    GROUP BY company_id, currency, customer_id, location_id, invoice_date, due_date;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO aging_changes (company_id, currency, customer_id, location_id, invoice_date, due_date, invoice_count, balance_minor)
    SELECT company_id, currency, customer_id, location_id, invoice_date, due_date, -count(*), -sum(balance_minor)
    FROM old_rows
    WHERE status IN ('open', 'partially_paid') AND balance_minor > 0
      AND EXISTS (SELECT 1 FROM companies c WHERE c.id = old_rows.company_id)
    GROUP BY company_id, currency, customer_id, location_id, invoice_date, due_date;
  ELSE
    INSERT INTO aging_changes (company_id, currency, customer_id, location_id, invoice_date, due_date, invoice_count, balance_minor)
    SELECT company_id, currency, customer_id, location_id, invoice_date, due_date, sum(n), sum(bal)
    FROM (
      SELECT company_id, currency, customer_id, location_id, invoice_date, due_date, 1 AS n, balance_minor AS bal
      FROM new_rows WHERE status IN ('open', 'partially_paid') AND balance_minor > 0
      UNION ALL
      SELECT company_id, currency, customer_id, location_id, invoice_date, due_date, -1, -balance_minor
      FROM old_rows WHERE status IN ('open', 'partially_paid') AND balance_minor > 0
    ) d
    GROUP BY company_id, currency, customer_id, location_id, invoice_date, due_date
    HAVING sum(n) <> 0 OR sum(bal) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER invoices_aging_insert AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_log_invoice_changes();
CREATE TRIGGER invoices_aging_update AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_log_invoice_changes();
CREATE TRIGGER invoices_aging_delete AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_log_invoice_changes();

CREATE FUNCTION aging_clear_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM aging_changes;
  DELETE FROM aging_date_totals;
  DELETE FROM aging_location_date_totals;
  DELETE FROM aging_customer_totals;
  DELETE FROM aging_customer_location_totals;
  RETURN NULL;
END $$;
CREATE TRIGGER invoices_aging_truncate AFTER TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION aging_clear_totals();

-- Moves every committed change into the totals; returns how many change rows it folded (0 when another
-- fold is running: folds take turns so the totals' upserts never wait on each other). Changes committed
-- while it runs are not visible to its DELETE and wait for the next fold.
CREATE FUNCTION aging_fold_changes() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('aging_fold_changes')) THEN
    RETURN 0;
  END IF;
  WITH gone AS (
    DELETE FROM aging_changes RETURNING *
  ), live AS (
    SELECT * FROM gone WHERE EXISTS (SELECT 1 FROM companies c WHERE c.id = gone.company_id)
  ),
  dates AS (
    INSERT INTO aging_date_totals AS t (company_id, currency, invoice_date, due_date, invoice_count, balance_minor)
    SELECT company_id, currency, invoice_date, due_date, sum(invoice_count), sum(balance_minor) FROM live
    GROUP BY company_id, currency, invoice_date, due_date
    HAVING sum(invoice_count) <> 0 OR sum(balance_minor) <> 0
    ORDER BY company_id, currency, invoice_date, due_date
    ON CONFLICT (company_id, currency, invoice_date, due_date) DO UPDATE
      SET invoice_count = t.invoice_count + excluded.invoice_count, balance_minor = t.balance_minor + excluded.balance_minor
  ),
  location_dates AS (
    INSERT INTO aging_location_date_totals AS t (company_id, currency, location_id, invoice_date, due_date, invoice_count, balance_minor)
    SELECT company_id, currency, location_id, invoice_date, due_date, sum(invoice_count), sum(balance_minor) FROM live
    GROUP BY company_id, currency, location_id, invoice_date, due_date
    HAVING sum(invoice_count) <> 0 OR sum(balance_minor) <> 0
    ORDER BY company_id, currency, location_id, invoice_date, due_date
    ON CONFLICT (company_id, currency, location_id, invoice_date, due_date) DO UPDATE
      SET invoice_count = t.invoice_count + excluded.invoice_count, balance_minor = t.balance_minor + excluded.balance_minor
  ),
  customers AS (
    INSERT INTO aging_customer_totals AS t (company_id, currency, customer_id, invoice_count, balance_minor)
    SELECT company_id, currency, customer_id, sum(invoice_count), sum(balance_minor) FROM live
    GROUP BY company_id, currency, customer_id
    HAVING sum(invoice_count) <> 0 OR sum(balance_minor) <> 0
    ORDER BY company_id, currency, customer_id
    ON CONFLICT (company_id, currency, customer_id) DO UPDATE
      SET invoice_count = t.invoice_count + excluded.invoice_count, balance_minor = t.balance_minor + excluded.balance_minor
  ),
  customer_locations AS (
    INSERT INTO aging_customer_location_totals AS t (company_id, currency, location_id, customer_id, invoice_count, balance_minor)
    SELECT company_id, currency, location_id, customer_id, sum(invoice_count), sum(balance_minor) FROM live
    GROUP BY company_id, currency, location_id, customer_id
    HAVING sum(invoice_count) <> 0 OR sum(balance_minor) <> 0
    ORDER BY company_id, currency, location_id, customer_id
    ON CONFLICT (company_id, currency, location_id, customer_id) DO UPDATE
      SET invoice_count = t.invoice_count + excluded.invoice_count, balance_minor = t.balance_minor + excluded.balance_minor
  )
  SELECT count(*) INTO folded FROM gone;
  DELETE FROM aging_date_totals WHERE invoice_count = 0;
  DELETE FROM aging_location_date_totals WHERE invoice_count = 0;
  DELETE FROM aging_customer_totals WHERE invoice_count = 0;
  DELETE FROM aging_customer_location_totals WHERE invoice_count = 0;
  RETURN folded;
END $$;

-- Unapplied credit notes, found without reading every credit note (as payments_unapplied_idx does for payments).
CREATE INDEX credit_notes_unapplied_idx ON credit_notes (company_id, issued_on) WHERE unapplied_minor > 0;

-- Replaces a company's totals with ones computed from its invoices, and folds them in. Run it in a
-- REPEATABLE READ transaction (npm run cli -- aging rebuild): its DELETE and INSERT then see one snapshot,
-- and a change committed by a concurrent invoice write after that snapshot stays in the log, on top of it.
CREATE FUNCTION aging_rebuild_totals(p_company uuid) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM aging_changes WHERE company_id = p_company;
  DELETE FROM aging_date_totals WHERE company_id = p_company;
  DELETE FROM aging_location_date_totals WHERE company_id = p_company;
  DELETE FROM aging_customer_totals WHERE company_id = p_company;
  DELETE FROM aging_customer_location_totals WHERE company_id = p_company;
  INSERT INTO aging_changes (company_id, currency, customer_id, location_id, invoice_date, due_date, invoice_count, balance_minor)
  SELECT company_id, currency, customer_id, location_id, invoice_date, due_date, count(*), sum(balance_minor)
  FROM invoices WHERE company_id = p_company AND status IN ('open', 'partially_paid') AND balance_minor > 0
  GROUP BY company_id, currency, customer_id, location_id, invoice_date, due_date;
  RETURN aging_fold_changes();
END $$;

-- The totals of the invoices already here.
SELECT aging_rebuild_totals(id) FROM companies;
ANALYZE aging_date_totals, aging_location_date_totals, aging_customer_totals, aging_customer_location_totals;

-- Down Migration

DROP INDEX credit_notes_unapplied_idx;
DROP TRIGGER invoices_aging_truncate ON invoices;
DROP TRIGGER invoices_aging_delete ON invoices;
DROP TRIGGER invoices_aging_update ON invoices;
DROP TRIGGER invoices_aging_insert ON invoices;
DROP FUNCTION aging_rebuild_totals(uuid);
DROP FUNCTION aging_fold_changes();
DROP FUNCTION aging_clear_totals();
DROP FUNCTION aging_log_invoice_changes();
DROP TABLE aging_changes;
DROP TABLE aging_customer_location_totals;
DROP TABLE aging_customer_totals;
DROP TABLE aging_location_date_totals;
DROP TABLE aging_date_totals;
