-- Up Migration

-- A snapshot's page sorted by a bucket reads each customer's amount in it from the running sum of the
-- balances (in the arrays' order: invoice date, then due date) at the bucket's due-date bounds, found by a
-- binary search of the due dates (width_bucket), instead of unnesting every customer's balances.
ALTER TABLE aging_snapshot_customers ADD COLUMN running_balances bigint[];
UPDATE aging_snapshot_customers t SET running_balances = coalesce((
  SELECT array_agg(s ORDER BY o) FROM (SELECT (sum(b) OVER (ORDER BY o))::bigint AS s, o FROM unnest(t.balances) WITH ORDINALITY u(b, o)) z
), '{}');
ALTER TABLE aging_snapshot_customers ALTER COLUMN running_balances SET NOT NULL;

-- Down Migration

ALTER TABLE aging_snapshot_customers DROP COLUMN running_balances;
