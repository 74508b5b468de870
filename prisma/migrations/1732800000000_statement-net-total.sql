-- Up Migration
-- A statement's total due is net of the customer's unapplied payments and credits (the aging page's Net total),
-- so a customer in credit has a statement whose total is below zero.
ALTER TABLE invoice_statements DROP CONSTRAINT invoice_statements_total_minor_check;

-- Down Migration
ALTER TABLE invoice_statements ADD CONSTRAINT invoice_statements_total_minor_check CHECK (total_minor >= 0);
