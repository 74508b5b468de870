-- Up Migration

-- A finance-charge invoice carries the month it charges for: at most one per customer and month, so a run
-- repeated (or two at once) creates nothing twice. Finance charges are not charged again.
ALTER TABLE invoices ADD COLUMN finance_charge_month date CHECK (finance_charge_month = date_trunc('month', finance_charge_month)::date);
CREATE UNIQUE INDEX invoices_finance_charge_month_key ON invoices (company_id, customer_id, finance_charge_month)
  WHERE finance_charge_month IS NOT NULL;

-- Down Migration
DROP INDEX invoices_finance_charge_month_key;
ALTER TABLE invoices DROP COLUMN finance_charge_month;
