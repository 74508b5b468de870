-- Up Migration

-- The collections workflow: who collects, what was said, what was promised, what is held, and what the
-- nightly run flagged and sent. Buckets never read any of it (an invoice on hold still ages).

-- When the nightly run first saw the invoice overdue; null until then. Never read by the aging math.
ALTER TABLE invoices ADD COLUMN overdue_flagged_at timestamptz;
CREATE INDEX invoices_overdue_unflagged_idx ON invoices (company_id, due_date)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0 AND overdue_flagged_at IS NULL;
CREATE INDEX invoices_overdue_flagged_idx ON invoices (company_id, overdue_flagged_at)
  WHERE overdue_flagged_at IS NOT NULL;
-- The worklist's "newly overdue": flagged invoices that fell due in the last days, whatever else is overdue.
CREATE INDEX invoices_newly_overdue_idx ON invoices (company_id, due_date) INCLUDE (customer_id, overdue_flagged_at)
  WHERE overdue_flagged_at IS NOT NULL AND status IN ('open', 'partially_paid') AND balance_minor > 0;

-- The default collector of a location's customers.
ALTER TABLE locations ADD COLUMN collector_id uuid;
ALTER TABLE locations ADD CONSTRAINT locations_collector_fkey FOREIGN KEY (company_id, collector_id)
  REFERENCES memberships (company_id, user_id) ON DELETE SET NULL (collector_id);

-- A customer's collector (null: its default location's), next action, reminder opt-out, and the last contact
-- by a person (kept by the trigger below from collection_entries, so the aging grid reads it per row).
ALTER TABLE customers
  ADD COLUMN collector_id uuid,
  ADD COLUMN next_action text CHECK (next_action IN ('call_back', 'formal_letter', 'escalate', 'legal_review', 'payment_plan')),
  ADD COLUMN next_action_on date,
  ADD COLUMN reminders_opt_out boolean NOT NULL DEFAULT false,
  ADD COLUMN last_contact_at timestamptz,
  ADD COLUMN last_contact_kind text,
  ADD CONSTRAINT customers_next_action_date CHECK ((next_action IS NULL) = (next_action_on IS NULL));
ALTER TABLE customers ADD CONSTRAINT customers_collector_fkey FOREIGN KEY (company_id, collector_id)
  REFERENCES memberships (company_id, user_id) ON DELETE SET NULL (collector_id);
CREATE INDEX customers_next_action_idx ON customers (company_id, next_action_on) WHERE next_action_on IS NOT NULL;
CREATE INDEX customers_collector_idx ON customers (company_id, collector_id) WHERE collector_id IS NOT NULL;

-- The collection log. source: 'manual' (a person), 'reminder' (a sent dunning email), 'worklist' (an item
-- completed). Entries may name invoices (collection_entry_invoices); visibility follows those invoices'
-- locations, or the customer's when none are named.
CREATE TABLE collection_entries (
  company_id     uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id    uuid NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('call', 'email', 'letter', 'message', 'visit', 'note')),
  occurred_at    timestamptz NOT NULL,
  user_id        uuid REFERENCES users (id) ON DELETE SET NULL,
  contact_person text CHECK (length(contact_person) <= 200),
  outcome        text CHECK (length(outcome) <= 200),
  note           text CHECK (length(note) <= 5000),
  source         text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'reminder', 'worklist')),
  reminder_id    uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id)
);
CREATE INDEX collection_entries_customer_idx ON collection_entries (company_id, customer_id, occurred_at DESC);

CREATE TABLE collection_entry_invoices (
  company_id uuid NOT NULL,
  entry_id   uuid NOT NULL,
  invoice_id uuid NOT NULL,
  PRIMARY KEY (company_id, entry_id, invoice_id),
  FOREIGN KEY (company_id, entry_id) REFERENCES collection_entries (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id)
);
CREATE INDEX collection_entry_invoices_invoice_idx ON collection_entry_invoices (company_id, invoice_id);

-- Last contact = the latest entry by a person that is not a note.
CREATE FUNCTION collection_track_last_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers c
  SET last_contact_at = n.occurred_at, last_contact_kind = n.kind
  FROM (
    SELECT DISTINCT ON (company_id, customer_id) company_id, customer_id, occurred_at, kind
    FROM new_rows
    WHERE user_id IS NOT NULL AND kind <> 'note'
    ORDER BY company_id, customer_id, occurred_at DESC
  ) n
  WHERE c.company_id = n.company_id AND c.id = n.customer_id
    AND (c.last_contact_at IS NULL OR c.last_contact_at < n.occurred_at);
  RETURN NULL;
END $$;
CREATE TRIGGER collection_entries_last_contact AFTER INSERT ON collection_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collection_track_last_contact();

-- A promise to pay: its state (pending, kept, partly kept, broken) is derived from applications to its invoices
-- (or, when it names none, the customer's payments in its currency) dated from its creation to its date.
CREATE TABLE payment_promises (
  company_id      uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id     uuid NOT NULL,
  currency        char(3) NOT NULL,
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  promised_on     date NOT NULL,
  made_on         date NOT NULL,
  entry_id        uuid,
  created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  followed_up_at  timestamptz,
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
  FOREIGN KEY (company_id, entry_id) REFERENCES collection_entries (company_id, id) ON DELETE SET NULL (entry_id),
  CHECK (promised_on >= made_on)
);
CREATE INDEX payment_promises_customer_idx ON payment_promises (company_id, customer_id, promised_on);
CREATE INDEX payment_promises_date_idx ON payment_promises (company_id, promised_on);

CREATE TABLE payment_promise_invoices (
  company_id uuid NOT NULL,
  promise_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  PRIMARY KEY (company_id, promise_id, invoice_id),
  FOREIGN KEY (company_id, promise_id) REFERENCES payment_promises (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id)
);
CREATE INDEX payment_promise_invoices_invoice_idx ON payment_promise_invoices (company_id, invoice_id);

-- Disputes and holds on a customer (invoice_id null) or one invoice. Active from starts_on until ended_at is
-- set or ends_on has passed (holds expire by themselves).
CREATE TABLE collection_holds (
  company_id  uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  invoice_id  uuid,
  kind        text NOT NULL CHECK (kind IN ('dispute', 'hold')),
  reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  note        text CHECK (length(note) <= 5000),
  starts_on   date NOT NULL,
  ends_on     date,
  ended_at    timestamptz,
  ended_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at timestamptz,
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX collection_holds_customer_idx ON collection_holds (company_id, customer_id) WHERE ended_at IS NULL;
CREATE INDEX collection_holds_ends_idx ON collection_holds (company_id, ends_on) WHERE ended_at IS NULL;

-- The dunning policy of a company (one row; absent = the default chain of lib/dunning/default-policy.ts).
CREATE TABLE dunning_policies (
  company_id         uuid PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
  enabled            boolean NOT NULL DEFAULT true,
  mode               text NOT NULL DEFAULT 'approve' CHECK (mode IN ('automatic', 'approve')),
  min_interval_days  integer NOT NULL DEFAULT 14 CHECK (min_interval_days BETWEEN 0 AND 365),
  minimums           jsonb NOT NULL DEFAULT '{}',
  levels             jsonb NOT NULL,
  updated_by         uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

-- One run per company and calendar day: running again the same day (or twice at once) resumes that run.
CREATE TABLE dunning_runs (
  company_id  uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  run_on      date NOT NULL,
  status      text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  started_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  trigger     text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'cli', 'api')),
  flagged     integer NOT NULL DEFAULT 0,
  counts      jsonb NOT NULL DEFAULT '{}',
  last_error  text,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (company_id, id),
  UNIQUE (company_id, run_on)
);

-- A reminder: one per customer per run (an email listing each invoice at its level, or a task for a call or a
-- letter). status: awaiting_approval (approve-first companies), queued (email in the outbox), task_open,
-- done (task completed), cancelled.
CREATE TABLE dunning_reminders (
  company_id   uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  run_id       uuid NOT NULL,
  customer_id  uuid NOT NULL,
  level        integer NOT NULL CHECK (level BETWEEN 1 AND 20),
  channel      text NOT NULL CHECK (channel IN ('email', 'call', 'letter')),
  status       text NOT NULL CHECK (status IN ('awaiting_approval', 'queued', 'task_open', 'done', 'cancelled')),
  to_address   text,
  subject      text NOT NULL,
  body_text    text NOT NULL,
  email_id     uuid,
  statement_id uuid,
  assignee_id  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  decided_at   timestamptz,
  decided_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (company_id, id),
  UNIQUE (company_id, run_id, customer_id),
  FOREIGN KEY (company_id, run_id) REFERENCES dunning_runs (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
  FOREIGN KEY (company_id, email_id) REFERENCES email_outbox (company_id, id),
  FOREIGN KEY (company_id, statement_id) REFERENCES invoice_statements (company_id, id)
);
CREATE INDEX dunning_reminders_customer_idx ON dunning_reminders (company_id, customer_id, created_at DESC);
CREATE INDEX dunning_reminders_open_idx ON dunning_reminders (company_id, status) WHERE status IN ('awaiting_approval', 'task_open');

-- Each invoice at its level: a level goes out at most once per invoice, by this key.
CREATE TABLE dunning_reminder_items (
  company_id    uuid NOT NULL,
  reminder_id   uuid NOT NULL,
  invoice_id    uuid NOT NULL,
  level         integer NOT NULL,
  days_overdue  integer NOT NULL,
  balance_minor bigint NOT NULL,
  currency      char(3) NOT NULL,
  PRIMARY KEY (company_id, reminder_id, invoice_id),
  UNIQUE (company_id, invoice_id, level),
  FOREIGN KEY (company_id, reminder_id) REFERENCES dunning_reminders (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id)
);

ALTER TABLE email_outbox ADD COLUMN reminder_id uuid;
ALTER TABLE collection_entries ADD CONSTRAINT collection_entries_reminder_fkey
  FOREIGN KEY (company_id, reminder_id) REFERENCES dunning_reminders (company_id, id);

-- In-app notifications per user; dedupe_key makes every producer idempotent (a run, a promise, an email).
CREATE TABLE notifications (
  company_id uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('overdue', 'escalation', 'broken_promise', 'delivery_failed', 'task', 'run')),
  title      text NOT NULL,
  body       text NOT NULL DEFAULT '',
  link       text,
  dedupe_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz,
  PRIMARY KEY (company_id, id),
  UNIQUE (company_id, user_id, dedupe_key)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- Down Migration
DROP TABLE notifications;
ALTER TABLE collection_entries DROP CONSTRAINT collection_entries_reminder_fkey;
ALTER TABLE email_outbox DROP COLUMN reminder_id;
DROP TABLE dunning_reminder_items;
DROP TABLE dunning_reminders;
DROP TABLE dunning_runs;
DROP TABLE dunning_policies;
DROP TABLE collection_holds;
DROP TABLE payment_promise_invoices;
DROP TABLE payment_promises;
DROP TRIGGER collection_entries_last_contact ON collection_entries;
DROP FUNCTION collection_track_last_contact();
DROP TABLE collection_entry_invoices;
DROP TABLE collection_entries;
ALTER TABLE customers DROP CONSTRAINT customers_collector_fkey, DROP CONSTRAINT customers_next_action_date,
  DROP COLUMN collector_id, DROP COLUMN next_action, DROP COLUMN next_action_on, DROP COLUMN reminders_opt_out,
  DROP COLUMN last_contact_at, DROP COLUMN last_contact_kind;
ALTER TABLE locations DROP CONSTRAINT locations_collector_fkey, DROP COLUMN collector_id;
DROP INDEX invoices_newly_overdue_idx;
DROP INDEX invoices_overdue_flagged_idx;
DROP INDEX invoices_overdue_unflagged_idx;
ALTER TABLE invoices DROP COLUMN overdue_flagged_at;
