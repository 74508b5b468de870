-- Up Migration

-- Bill sources (Monitoring, Installation, Service...): what an invoice bills for, with the cycle it is billed on.
-- A bill source may have an aging scheme of its own (aging_schemes.bill_source_id), aged by days past due or by
-- its billing periods. Invoices from before bill sources, or posted without one, have none and age by the
-- company's scheme.
CREATE TABLE bill_sources (
  company_id    uuid NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  name          text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  -- weekly, every_n_days (interval_days), monthly, quarterly
  frequency     text NOT NULL CHECK (frequency IN ('weekly', 'every_n_days', 'monthly', 'quarterly')),
  interval_days integer CHECK (interval_days BETWEEN 1 AND 366),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  CHECK ((frequency = 'every_n_days') = (interval_days IS NOT NULL))
);
CREATE UNIQUE INDEX bill_sources_name_key ON bill_sources (company_id, lower(name));

ALTER TABLE invoices ADD COLUMN bill_source_id uuid;
ALTER TABLE invoices ADD CONSTRAINT invoices_bill_source_fkey
  FOREIGN KEY (company_id, bill_source_id) REFERENCES bill_sources (company_id, id);
-- The aging page filtered to a bill source reads that source's open invoices.
CREATE INDEX invoices_aging_by_source_idx ON invoices (company_id, bill_source_id, currency, customer_id)
  INCLUDE (invoice_date, due_date, balance_minor, location_id)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0 AND bill_source_id IS NOT NULL;

-- One active scheme per company (bill_source_id null) and per bill source.
ALTER TABLE aging_schemes ADD COLUMN bill_source_id uuid;
ALTER TABLE aging_schemes ADD CONSTRAINT aging_schemes_bill_source_fkey
  FOREIGN KEY (company_id, bill_source_id) REFERENCES bill_sources (company_id, id) ON DELETE CASCADE;
DROP INDEX aging_schemes_one_active;
CREATE UNIQUE INDEX aging_schemes_one_active ON aging_schemes (company_id) WHERE is_active AND bill_source_id IS NULL;
CREATE UNIQUE INDEX aging_schemes_one_active_per_source ON aging_schemes (company_id, bill_source_id) WHERE is_active AND bill_source_id IS NOT NULL;

-- Payment terms: due on receipt, net N days, or end of the invoice's month plus N days. They give an invoice
-- its due date when it comes without one.
ALTER TABLE customers ADD COLUMN terms_kind text CHECK (terms_kind IN ('due_on_receipt', 'net', 'end_of_month'));
ALTER TABLE customers ADD COLUMN terms_days integer CHECK (terms_days BETWEEN 0 AND 365);
ALTER TABLE customers ADD CONSTRAINT customers_terms_check
  CHECK ((terms_kind IS NULL AND terms_days IS NULL) OR (terms_kind = 'due_on_receipt' AND terms_days IS NULL) OR (terms_kind IN ('net', 'end_of_month') AND terms_days IS NOT NULL));

-- Down Migration
ALTER TABLE customers DROP CONSTRAINT customers_terms_check;
ALTER TABLE customers DROP COLUMN terms_days;
ALTER TABLE customers DROP COLUMN terms_kind;
DROP INDEX aging_schemes_one_active_per_source;
DROP INDEX aging_schemes_one_active;
DELETE FROM aging_schemes WHERE bill_source_id IS NOT NULL;
CREATE UNIQUE INDEX aging_schemes_one_active ON aging_schemes (company_id) WHERE is_active;
ALTER TABLE aging_schemes DROP COLUMN bill_source_id;
DROP INDEX invoices_aging_by_source_idx;
ALTER TABLE invoices DROP COLUMN bill_source_id;
DROP TABLE bill_sources;
