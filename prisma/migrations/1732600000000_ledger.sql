-- Up Migration

-- The receivables ledger. An invoice's balance_minor is kept equal to its amount minus what was applied to
-- it (payments, credit notes) and written off, by the operations in lib/ledger, each in one transaction with
-- the invoice row locked. Entries carry their own calendar date, so the balance on any earlier date is the
-- current balance plus the entries dated after it.

ALTER TABLE invoices DROP CONSTRAINT invoices_status_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_status_check
  CHECK (status IN ('draft', 'open', 'partially_paid', 'paid', 'written_off', 'void', 'archived'));

-- Open and partially paid invoices age; the aging indexes cover both.
DROP INDEX invoices_aging_idx;
DROP INDEX invoices_aging_by_customer_idx;
CREATE INDEX invoices_aging_idx ON invoices (company_id, currency, location_id, customer_id)
  INCLUDE (invoice_date, due_date, balance_minor)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0;
CREATE INDEX invoices_aging_by_customer_idx ON invoices (company_id, currency, customer_id)
  INCLUDE (location_id, invoice_date, due_date, balance_minor)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0;

-- Money received from a customer. unapplied_minor is what is not yet applied to invoices: customer credit.
CREATE TABLE payments (
  company_id      uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id     uuid NOT NULL,
  currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  unapplied_minor bigint NOT NULL CHECK (unapplied_minor >= 0 AND unapplied_minor <= amount_minor),
  received_on     date NOT NULL,
  reference       text NOT NULL CHECK (length(trim(reference)) > 0),
  method          text CHECK (method IN ('bank_transfer', 'check', 'card', 'cash', 'other')),
  note            text,
  created_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  -- A reference (check number, transfer id) is recorded once: imports and retries cannot double a payment.
  UNIQUE (company_id, reference),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id)
);
CREATE INDEX payments_customer_idx ON payments (company_id, customer_id, received_on);
CREATE INDEX payments_unapplied_idx ON payments (company_id, received_on) WHERE unapplied_minor > 0;

-- A credit note lowers what a customer owes; like a payment, it is applied to invoices.
CREATE TABLE credit_notes (
  company_id      uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id     uuid NOT NULL,
  currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  unapplied_minor bigint NOT NULL CHECK (unapplied_minor >= 0 AND unapplied_minor <= amount_minor),
  issued_on       date NOT NULL,
  reason          text NOT NULL CHECK (length(trim(reason)) > 0),
  created_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id)
);
CREATE INDEX credit_notes_customer_idx ON credit_notes (company_id, customer_id, issued_on);

-- Money moved from a payment or a credit note onto an invoice, on a date.
CREATE TABLE applications (
  company_id     uuid NOT NULL,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  invoice_id     uuid NOT NULL,
  payment_id     uuid,
  credit_note_id uuid,
  amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
  applied_on     date NOT NULL,
  created_by     uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  CHECK (num_nonnulls(payment_id, credit_note_id) = 1),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id),
  FOREIGN KEY (company_id, payment_id) REFERENCES payments (company_id, id),
  FOREIGN KEY (company_id, credit_note_id) REFERENCES credit_notes (company_id, id)
);
CREATE INDEX applications_invoice_idx ON applications (company_id, invoice_id, applied_on);
CREATE INDEX applications_payment_idx ON applications (company_id, payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX applications_credit_idx ON applications (company_id, credit_note_id) WHERE credit_note_id IS NOT NULL;
-- Historical aging looks up entries dated after the as-of date.
CREATE INDEX applications_date_idx ON applications (company_id, applied_on);

CREATE TABLE write_offs (
  company_id      uuid NOT NULL,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  invoice_id      uuid NOT NULL,
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  written_off_on  date NOT NULL,
  reason          text NOT NULL CHECK (reason IN ('bad_debt', 'dispute', 'other')),
  description     text NOT NULL CHECK (length(trim(description)) > 0),
  created_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id)
);
CREATE INDEX write_offs_invoice_idx ON write_offs (company_id, invoice_id);
CREATE INDEX write_offs_date_idx ON write_offs (company_id, written_off_on);

-- Down Migration

DROP TABLE write_offs;
DROP TABLE applications;
DROP TABLE credit_notes;
DROP TABLE payments;
DROP INDEX invoices_aging_by_customer_idx;
DROP INDEX invoices_aging_idx;
UPDATE invoices SET status = 'open' WHERE status = 'partially_paid';
UPDATE invoices SET status = 'paid' WHERE status = 'written_off';
UPDATE invoices SET status = 'void' WHERE status = 'archived';
ALTER TABLE invoices DROP CONSTRAINT invoices_status_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_status_check CHECK (status IN ('draft', 'open', 'paid', 'void'));
CREATE INDEX invoices_aging_idx ON invoices (company_id, currency, location_id, customer_id)
  INCLUDE (invoice_date, due_date, balance_minor)
  WHERE status = 'open' AND balance_minor > 0;
CREATE INDEX invoices_aging_by_customer_idx ON invoices (company_id, currency, customer_id)
  INCLUDE (location_id, invoice_date, due_date, balance_minor)
  WHERE status = 'open' AND balance_minor > 0;
