-- Up Migration

-- What a customer needs to pay from a PDF: where to send the money, and the company's mark.
ALTER TABLE companies
  ADD COLUMN remit_to text,
  ADD COLUMN logo_png bytea;

CREATE TABLE invoice_lines (
  company_id       uuid NOT NULL,
  invoice_id       uuid NOT NULL,
  position         integer NOT NULL CHECK (position > 0),
  description      text NOT NULL CHECK (length(trim(description)) > 0),
  quantity         numeric(12, 3) NOT NULL CHECK (quantity > 0),
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  line_total_minor bigint NOT NULL CHECK (line_total_minor >= 0),
  PRIMARY KEY (company_id, invoice_id, position),
  FOREIGN KEY (company_id, invoice_id) REFERENCES invoices (company_id, id) ON DELETE CASCADE
);

-- One Generate click: its criteria and what came of it, so the result screen and its merged PDF can be
-- reopened.
CREATE TABLE statement_batches (
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  created_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  criteria        jsonb NOT NULL,
  created_count   integer NOT NULL DEFAULT 0,
  failed_count    integer NOT NULL DEFAULT 0,
  -- [{"customerId", "customerName", "reason"}], reasons cut to 180 characters
  failures        jsonb NOT NULL DEFAULT '[]',
  cap_hit         boolean NOT NULL DEFAULT false,
  remaining_count integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  PRIMARY KEY (company_id, id)
);

-- A statement is a snapshot: the aging and open invoices as they were when it was made, so re-downloading it
-- later prints the same document.
CREATE TABLE invoice_statements (
  company_id   uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id  uuid NOT NULL,
  batch_id     uuid,
  as_of        date NOT NULL,
  currency     char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  total_minor  bigint NOT NULL CHECK (total_minor >= 0),
  invoice_count integer NOT NULL CHECK (invoice_count >= 0),
  -- {"buckets": [{"key", "label", "amount"}], "invoices": [{"id", "number", "invoiceDate", "dueDate",
  --  "amount", "balance", "daysPastDue"}]}
  snapshot     jsonb NOT NULL,
  -- The locations its invoices were drawn from: a user sees the statement only with view on all of them.
  location_ids uuid[] NOT NULL,
  created_by   uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
  FOREIGN KEY (company_id, batch_id) REFERENCES statement_batches (company_id, id)
);
-- Skip Recent looks up a customer's latest statement in a currency.
CREATE INDEX invoice_statements_customer_idx ON invoice_statements (company_id, customer_id, currency, created_at DESC);
CREATE INDEX invoice_statements_company_time_idx ON invoice_statements (company_id, created_at DESC);
CREATE INDEX invoice_statements_batch_idx ON invoice_statements (company_id, batch_id);

-- Emails are written here in the same transaction as what they announce, then delivered by the sender with
-- retries: nothing is sent for a statement that was rolled back, and nothing is lost when SMTP is down.
CREATE TABLE email_outbox (
  company_id      uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT gen_random_uuid(),
  statement_id    uuid,
  to_address      text NOT NULL CHECK (position('@' in to_address) > 1),
  subject         text NOT NULL,
  body_text       text NOT NULL,
  -- queued: waiting for its next attempt; sending: claimed by a sender until next_attempt_at (a lease);
  -- sent; failed: gave up after the last attempt.
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  message_id      text,
  created_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, statement_id) REFERENCES invoice_statements (company_id, id)
);
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX email_outbox_company_time_idx ON email_outbox (company_id, created_at DESC);
CREATE INDEX email_outbox_statement_idx ON email_outbox (company_id, statement_id);

-- Down Migration

DROP TABLE email_outbox;
DROP TABLE invoice_statements;
DROP TABLE statement_batches;
DROP TABLE invoice_lines;
ALTER TABLE companies DROP COLUMN logo_png, DROP COLUMN remit_to;
