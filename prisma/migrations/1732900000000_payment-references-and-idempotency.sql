-- Up Migration

-- A reference is not an identity: one cheque may pay two invoices, and a card's last four digits recur. Re-imports
-- stay idempotent by the natural key (invoice, amount, date, reference), checked by the import; the index finds
-- a file's references.
ALTER TABLE payments DROP CONSTRAINT payments_company_id_reference_key;
CREATE INDEX payments_reference_idx ON payments (company_id, reference);

-- Idempotency-Key of the write API: the first request with a key claims it (status null while it runs), and its
-- answer is stored, so a retry with the same key and body gets the same answer and writes nothing again.
CREATE TABLE idempotency_keys (
  company_id   uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text NOT NULL,
  status       integer,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, user_id, key)
);

-- Down Migration
DROP TABLE idempotency_keys;
DROP INDEX payments_reference_idx;
ALTER TABLE payments ADD CONSTRAINT payments_company_id_reference_key UNIQUE (company_id, reference);
