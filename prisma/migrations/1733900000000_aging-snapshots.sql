-- Up Migration

-- Aging as of past week and month ends, kept so month-end closing and the dashboard's trend read a few
-- thousand rows instead of the ledger since that date. A snapshot holds, for its as-of date, what the ledger
-- gives (lib/receivables/aging-sql.ts agedInvoices with `historical`): every invoice's balance on that date
-- by customer, location, currency, invoice date and due date, and each customer's unapplied money. Buckets are
-- not stored: readers bucket the dates with today's scheme, so changing a scheme re-buckets at once. A bucket
-- asks of an invoice date only whether it is after the as-of date (Pending), so the invoice date is kept as
-- the as-of date or the day after (lib/snapshots/replace-snapshot-customers.ts).
--
-- Snapshots stay exact by being patched, one customer at a time: the triggers below note, for each ready
-- snapshot a change can reach, the customers it touches (aging_snapshot_dirty); lib/snapshots replaces those
-- customers' rows from the ledger before any read of that snapshot, and a job does so for all of them.
-- A payment dated today reaches no snapshot; a back-dated one reaches each snapshot on or after its date; a
-- new invoice reaches them all (on an earlier as-of date it is Pending).

CREATE TABLE aging_snapshots (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  as_of      date NOT NULL,
  -- Made and noted by the triggers first, then filled in one transaction and marked ready.
  ready      boolean NOT NULL DEFAULT false,
  built_at   timestamptz,
  UNIQUE (company_id, as_of)
);

-- One row per customer, location and currency with open balances on the as-of date; the location
-- '00000000-0000-0000-0000-000000000000' holds the customer's rows over every location. The arrays are the
-- customer's balances by (invoice date, due date), so a page buckets its customers without the ledger.
CREATE TABLE aging_snapshot_customers (
  snapshot_id   bigint NOT NULL REFERENCES aging_snapshots (id) ON DELETE CASCADE,
  currency      char(3) NOT NULL,
  location_id   uuid NOT NULL,
  customer_id   uuid NOT NULL,
  invoice_count integer NOT NULL,
  balance_minor bigint NOT NULL,
  invoice_dates date[] NOT NULL,
  due_dates     date[] NOT NULL,
  counts        integer[] NOT NULL,
  balances      bigint[] NOT NULL,
  PRIMARY KEY (snapshot_id, currency, location_id, customer_id)
);
CREATE INDEX aging_snapshot_customers_customer_idx ON aging_snapshot_customers (snapshot_id, customer_id);

-- The same balances summed by date: the summary row and the trend.
CREATE TABLE aging_snapshot_dates (
  snapshot_id   bigint NOT NULL REFERENCES aging_snapshots (id) ON DELETE CASCADE,
  currency      char(3) NOT NULL,
  location_id   uuid NOT NULL,
  invoice_date  date NOT NULL,
  due_date      date NOT NULL,
  invoice_count integer NOT NULL,
  balance_minor bigint NOT NULL,
  PRIMARY KEY (snapshot_id, currency, location_id, invoice_date, due_date)
);
CREATE INDEX aging_snapshot_dates_empty_idx ON aging_snapshot_dates (snapshot_id) WHERE invoice_count = 0;

-- Payments and credit notes received by the as-of date and not applied on it, per customer.
CREATE TABLE aging_snapshot_unapplied (
  snapshot_id     bigint NOT NULL REFERENCES aging_snapshots (id) ON DELETE CASCADE,
  currency        char(3) NOT NULL,
  customer_id     uuid NOT NULL,
  unapplied_minor bigint NOT NULL,
  PRIMARY KEY (snapshot_id, currency, customer_id)
);

-- Customers whose rows in a snapshot a later change has made stale. Only inserts by writers (no unique key
-- but the row's own, so writers never wait on each other); the refresh deletes what it replaces.
CREATE TABLE aging_snapshot_dirty (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  snapshot_id bigint NOT NULL REFERENCES aging_snapshots (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL
);
CREATE INDEX aging_snapshot_dirty_snapshot_idx ON aging_snapshot_dirty (snapshot_id);

-- Rows (company_id, customer_id, from_date): the snapshots on or after from_date of that company are stale
-- for that customer.
CREATE FUNCTION aging_snapshot_note(changes jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO aging_snapshot_dirty (snapshot_id, customer_id)
  SELECT DISTINCT s.id, c.customer_id
  FROM jsonb_to_recordset(changes) AS c(company_id uuid, customer_id uuid, from_date date)
  JOIN aging_snapshots s ON s.company_id = c.company_id AND s.as_of >= c.from_date
$$;

-- Invoices: a new or deleted invoice reaches every snapshot (an earlier as-of date shows it as Pending); an
-- update does when it changes what the ledger formula reads (not the balance, which payments move together
-- with their dated entries, nor a status step between open, partially paid, paid and written off).
CREATE FUNCTION aging_snapshot_note_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM aging_snapshots) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM aging_snapshot_note((SELECT jsonb_agg(DISTINCT jsonb_build_object('company_id', company_id, 'customer_id', customer_id, 'from_date', '-infinity')) FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM aging_snapshot_note((SELECT jsonb_agg(DISTINCT jsonb_build_object('company_id', company_id, 'customer_id', customer_id, 'from_date', '-infinity')) FROM old_rows));
  ELSE
    PERFORM aging_snapshot_note((
      SELECT jsonb_agg(DISTINCT jsonb_build_object('company_id', x.company_id, 'customer_id', x.customer_id, 'from_date', '-infinity'))
      FROM old_rows o JOIN new_rows n ON n.company_id = o.company_id AND n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.company_id, o.customer_id), (n.company_id, n.customer_id)) AS x(company_id, customer_id)
      WHERE (o.customer_id, o.location_id, o.currency, o.invoice_date, o.due_date, o.amount_minor)
          IS DISTINCT FROM (n.customer_id, n.location_id, n.currency, n.invoice_date, n.due_date, n.amount_minor)
        OR (o.status <> n.status AND NOT (o.status IN ('open', 'partially_paid', 'paid', 'written_off')
                                          AND n.status IN ('open', 'partially_paid', 'paid', 'written_off')))
    ));
  END IF;
  RETURN NULL;
END $$;

-- A statement's rows as one JSON array, old and new alike (a trigger may name only the transition tables its
-- event has).
CREATE FUNCTION aging_snapshot_rows(op text, new_json jsonb, old_json jsonb) RETURNS SETOF jsonb LANGUAGE sql AS $$
  SELECT x FROM jsonb_array_elements(CASE WHEN op <> 'DELETE' THEN coalesce(new_json, '[]') ELSE '[]' END) x
  UNION ALL
  SELECT x FROM jsonb_array_elements(CASE WHEN op <> 'INSERT' THEN coalesce(old_json, '[]') ELSE '[]' END) x
$$;

-- Applications and write-offs reach the snapshots on or after their date: the invoice's customer, and for an
-- application the customer whose payment or credit note it spends.
CREATE FUNCTION aging_snapshot_note_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_json jsonb;
  old_json jsonb;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM aging_snapshots) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN SELECT jsonb_agg(to_jsonb(x)) INTO new_json FROM new_rows x; END IF;
  IF TG_OP <> 'INSERT' THEN SELECT jsonb_agg(to_jsonb(x)) INTO old_json FROM old_rows x; END IF;
  PERFORM aging_snapshot_note((
    WITH e AS (
      SELECT (r ->> 'company_id')::uuid AS company_id, (r ->> 'invoice_id')::uuid AS invoice_id,
        (r ->> 'payment_id')::uuid AS payment_id, (r ->> 'credit_note_id')::uuid AS credit_note_id,
        coalesce(r ->> 'applied_on', r ->> 'written_off_on')::date AS dated
      FROM aging_snapshot_rows(TG_OP, new_json, old_json) r
    )
    SELECT jsonb_agg(DISTINCT jsonb_build_object('company_id', e.company_id, 'customer_id', c.customer_id, 'from_date', e.dated))
    FROM e CROSS JOIN LATERAL (
      SELECT customer_id FROM invoices i WHERE i.company_id = e.company_id AND i.id = e.invoice_id
      UNION SELECT customer_id FROM payments p WHERE p.company_id = e.company_id AND p.id = e.payment_id
      UNION SELECT customer_id FROM credit_notes n WHERE n.company_id = e.company_id AND n.id = e.credit_note_id
    ) c
    WHERE e.dated <= (SELECT max(as_of) FROM aging_snapshots s WHERE s.company_id = e.company_id)
  ));
  RETURN NULL;
END $$;

-- Payments and credit notes reach the snapshots on or after the day they were received or issued (what was
-- unapplied then). Spending them moves unapplied_minor together with a dated application, noted above.
CREATE FUNCTION aging_snapshot_note_receipts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_json jsonb;
  old_json jsonb;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM aging_snapshots) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN SELECT jsonb_agg(to_jsonb(x)) INTO new_json FROM new_rows x; END IF;
  IF TG_OP <> 'INSERT' THEN SELECT jsonb_agg(to_jsonb(x)) INTO old_json FROM old_rows x; END IF;
  PERFORM aging_snapshot_note((
    WITH r AS (
      SELECT (x ->> 'company_id')::uuid AS company_id, x ->> 'id' AS id, (x ->> 'customer_id')::uuid AS customer_id,
        x ->> 'currency' AS currency, x ->> 'amount_minor' AS amount, coalesce(x ->> 'received_on', x ->> 'issued_on')::date AS dated
      FROM aging_snapshot_rows(TG_OP, new_json, old_json) x
    ),
    -- An update that leaves customer, currency, amount and date alone (spending it) changes nothing here.
    changed AS (
      SELECT * FROM r WHERE TG_OP <> 'UPDATE'
        OR r.id IN (SELECT id FROM r GROUP BY id HAVING count(DISTINCT (customer_id, currency, amount, dated)) > 1)
    )
    SELECT jsonb_agg(DISTINCT jsonb_build_object('company_id', company_id, 'customer_id', customer_id, 'from_date', dated)) FROM changed
  ));
  RETURN NULL;
END $$;

CREATE TRIGGER invoices_snapshot_insert AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_invoices();
CREATE TRIGGER invoices_snapshot_update AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_invoices();
CREATE TRIGGER invoices_snapshot_delete AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_invoices();

CREATE TRIGGER applications_snapshot_insert AFTER INSERT ON applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_entries();
CREATE TRIGGER applications_snapshot_update AFTER UPDATE ON applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_entries();
CREATE TRIGGER applications_snapshot_delete AFTER DELETE ON applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_entries();
CREATE TRIGGER write_offs_snapshot_insert AFTER INSERT ON write_offs
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_entries();
CREATE TRIGGER write_offs_snapshot_update AFTER UPDATE ON write_offs
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_entries();
CREATE TRIGGER write_offs_snapshot_delete AFTER DELETE ON write_offs
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_entries();

CREATE TRIGGER payments_snapshot_insert AFTER INSERT ON payments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_receipts();
CREATE TRIGGER payments_snapshot_update AFTER UPDATE ON payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_receipts();
CREATE TRIGGER payments_snapshot_delete AFTER DELETE ON payments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_receipts();
CREATE TRIGGER credit_notes_snapshot_insert AFTER INSERT ON credit_notes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_receipts();
CREATE TRIGGER credit_notes_snapshot_update AFTER UPDATE ON credit_notes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_receipts();
CREATE TRIGGER credit_notes_snapshot_delete AFTER DELETE ON credit_notes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aging_snapshot_note_receipts();

-- The dashboard's expected cash: each customer's habit (how many days after the due date they paid, weighted by
-- amount, over invoices paid in the last year), and the open balances moved by it into the weeks they are
-- expected in. Both are recomputed by the snapshot job (lib/dashboard/refresh-expected-cash.ts), so the
-- dashboard reads a few hundred rows.
CREATE TABLE customer_payment_habits (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  customer_id   uuid NOT NULL,
  currency      char(3) NOT NULL,
  days_late     integer NOT NULL,
  paid_invoices integer NOT NULL,
  PRIMARY KEY (company_id, customer_id, currency)
);
CREATE TABLE expected_cash (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  currency      char(3) NOT NULL,
  location_id   uuid NOT NULL,
  week_start    date NOT NULL,
  amount_minor  bigint NOT NULL,
  computed_at   timestamptz NOT NULL,
  PRIMARY KEY (company_id, currency, location_id, week_start)
);

-- The dashboard's alert when the share over 60 days past due has risen three weeks in a row.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
  ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('overdue', 'escalation', 'broken_promise', 'delivery_failed', 'task', 'run', 'aging_creep'));

-- Down Migration

DROP TABLE expected_cash;
DROP TABLE customer_payment_habits;
DELETE FROM notifications WHERE kind = 'aging_creep';
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check,
  ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('overdue', 'escalation', 'broken_promise', 'delivery_failed', 'task', 'run'));

DROP TRIGGER credit_notes_snapshot_delete ON credit_notes;
DROP TRIGGER credit_notes_snapshot_update ON credit_notes;
DROP TRIGGER credit_notes_snapshot_insert ON credit_notes;
DROP TRIGGER payments_snapshot_delete ON payments;
DROP TRIGGER payments_snapshot_update ON payments;
DROP TRIGGER payments_snapshot_insert ON payments;
DROP TRIGGER write_offs_snapshot_delete ON write_offs;
DROP TRIGGER write_offs_snapshot_update ON write_offs;
DROP TRIGGER write_offs_snapshot_insert ON write_offs;
DROP TRIGGER applications_snapshot_delete ON applications;
DROP TRIGGER applications_snapshot_update ON applications;
DROP TRIGGER applications_snapshot_insert ON applications;
DROP TRIGGER invoices_snapshot_delete ON invoices;
DROP TRIGGER invoices_snapshot_update ON invoices;
DROP TRIGGER invoices_snapshot_insert ON invoices;
DROP FUNCTION aging_snapshot_note_receipts();
DROP FUNCTION aging_snapshot_note_entries();
DROP FUNCTION aging_snapshot_note_invoices();
DROP FUNCTION aging_snapshot_rows(text, jsonb, jsonb);
DROP FUNCTION aging_snapshot_note(jsonb);
DROP TABLE aging_snapshot_dirty;
DROP TABLE aging_snapshot_unapplied;
DROP TABLE aging_snapshot_dates;
DROP TABLE aging_snapshot_customers;
DROP TABLE aging_snapshots;
