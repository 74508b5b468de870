-- Up Migration

-- The invoices list, newest first by invoice date, and the payments received, newest first: a page reads about
-- a page of rows.
CREATE INDEX invoices_date_idx ON invoices (company_id, invoice_date, id);
CREATE INDEX payments_received_idx ON payments (company_id, received_on, id);
-- A limited user's customers (lib/auth/visible-customers.ts): those with an invoice in their locations, from the
-- index alone.
CREATE INDEX invoices_location_customer_idx ON invoices (company_id, location_id, customer_id);

-- Down Migration
DROP INDEX invoices_location_customer_idx;
DROP INDEX payments_received_idx;
DROP INDEX invoices_date_idx;
