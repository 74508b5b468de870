-- Up Migration

-- The invoices list, newest first by invoice date, and the payments received, newest first: a page reads about
-- a page of rows.
CREATE INDEX invoices_date_idx ON invoices (company_id, invoice_date, id);
CREATE INDEX payments_received_idx ON payments (company_id, received_on, id);

-- Down Migration
DROP INDEX payments_received_idx;
DROP INDEX invoices_date_idx;
