-- Up Migration

-- The aging page sorted by a bucket, largest first, reads only that bucket's due dates (its customers and
-- amounts) instead of aggregating every open invoice: the invoice date joins the index so the bucket's own
-- test (Pending is decided by it) runs without visiting a row.
DROP INDEX invoices_ageable_due_idx;
CREATE INDEX invoices_ageable_due_idx ON invoices (company_id, due_date) INCLUDE (id, customer_id, currency, balance_minor, invoice_date)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0;

-- Down Migration

DROP INDEX invoices_ageable_due_idx;
CREATE INDEX invoices_ageable_due_idx ON invoices (company_id, due_date) INCLUDE (id, customer_id, currency, balance_minor)
  WHERE status IN ('open', 'partially_paid') AND balance_minor > 0;
