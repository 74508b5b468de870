-- Up Migration

-- The customers contacted since a day. The aging page's "not contacted in N days" counts them to choose
-- between its two readings, and when they are the fewer reads the running totals less them
-- (lib/receivables/aging-collections.ts customersFilteredOut); with the id, both read the index alone.
CREATE INDEX customers_last_contact_idx ON customers (company_id, last_contact_at, id);

-- Down Migration
DROP INDEX customers_last_contact_idx;
