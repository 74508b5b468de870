import pg from 'pg';
import { BENCH_SLUG, BENCH_USERS } from './bench-data';

/**
 * Gives the `bench` company a collections workload of the size a team working a few thousand overdue customers
 * a week has: collectors per location, a contact history for a third of the customers, 5,000 next actions,
 * 2,000 promises (about half of them broken by today), 1,000 customer disputes and 1,000 invoice holds. Then
 * clears what earlier runs left (flags, runs, reminders, notifications), so the next overdue run is a first night.
 * Deterministic for a given `today`.
 */
export async function seedBenchCollections(databaseUrl: string, today: string): Promise<{ companyId: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [company],
    } = await client.query<{ id: string }>('SELECT id FROM companies WHERE slug = $1', [BENCH_SLUG]);
    if (!company) throw new Error(`No "${BENCH_SLUG}" company: run \`npm run seed:bench\` first.`);
    const c = company.id;
    const users = await client.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = ANY($1)', [
      Object.values(BENCH_USERS),
    ]);
    const admin = users.rows.find((u) => u.email === BENCH_USERS.admin)!.id;
    const limited = users.rows.find((u) => u.email === BENCH_USERS.limited)!.id;
    await client.query('BEGIN');
    await client.query(
      `DELETE FROM dunning_reminder_items WHERE company_id = $1;
       DELETE FROM collection_entry_invoices WHERE company_id = $1;
       DELETE FROM payment_promise_invoices WHERE company_id = $1;`.replace(/\$1/g, `'${c}'`),
    );
    for (const table of ['payment_promises', 'collection_entries', 'collection_holds', 'notifications']) {
      await client.query(`DELETE FROM ${table} WHERE company_id = $1`, [c]);
    }
    await client.query('UPDATE email_outbox SET reminder_id = NULL WHERE company_id = $1 AND reminder_id IS NOT NULL', [c]);
    await client.query('DELETE FROM dunning_reminders WHERE company_id = $1', [c]);
    await client.query('DELETE FROM dunning_runs WHERE company_id = $1', [c]);
    await client.query('DELETE FROM dunning_policies WHERE company_id = $1', [c]);
    await client.query('DELETE FROM invoice_overdue_flags WHERE company_id = $1', [c]);
    // The worklist's order is as of a day: forget it, so the nights' refresh is measured, not found done.
    await client.query('DELETE FROM customer_risk_refreshes WHERE company_id = $1', [c]);
    // The limited user collects for the locations they may view; the admin for the rest.
    await client.query(
      `UPDATE locations l SET collector_id = CASE WHEN EXISTS (SELECT 1 FROM location_permissions p
         WHERE p.company_id = l.company_id AND p.location_id = l.id AND p.user_id = $2) THEN $2::uuid ELSE $3::uuid END
       WHERE l.company_id = $1`,
      [c, limited, admin],
    );
    await client.query(
      `WITH n AS (SELECT id, row_number() OVER (ORDER BY id) AS i FROM customers WHERE company_id = $1)
       UPDATE customers cu SET collector_id = NULL, reminders_opt_out = (n.i % 500 = 0),
         last_contact_at = NULL, last_contact_kind = NULL,
         next_action = CASE WHEN n.i % 20 = 0 THEN 'call_back' END,
         next_action_on = CASE WHEN n.i % 20 = 0 THEN $2::date + (n.i / 20 % 14)::int - 10 END
       FROM n WHERE cu.company_id = $1 AND cu.id = n.id`,
      [c, today],
    );
    await client.query(
      `INSERT INTO collection_entries (company_id, customer_id, kind, occurred_at, user_id, outcome, note)
       SELECT $1, id, (ARRAY['call','email','visit','message'])[1 + i % 4], ($2::date - (i % 90)::int)::timestamptz + interval '15 hours', $3, 'Spoke to accounts payable', 'Bench history'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM customers WHERE company_id = $1) n WHERE i % 3 = 0`,
      [c, today, admin],
    );
    await client.query(
      `INSERT INTO payment_promises (company_id, customer_id, currency, amount_minor, promised_on, made_on, created_by)
       SELECT $1, id, 'USD', 50000, $2::date + (i / 50 % 20)::int - 10, $2::date - 20, $3
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM customers WHERE company_id = $1) n WHERE i % 50 = 0`,
      [c, today, admin],
    );
    await client.query(
      `INSERT INTO collection_holds (company_id, customer_id, kind, reason, starts_on, ends_on, created_by)
       SELECT $1, id, 'dispute', 'Disputes pricing', $2::date - 30, CASE WHEN i % 200 = 0 THEN $2::date + 2 END, $3
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM customers WHERE company_id = $1) n WHERE i % 100 = 0`,
      [c, today, admin],
    );
    await client.query(
      `INSERT INTO collection_holds (company_id, customer_id, invoice_id, kind, reason, starts_on, ends_on, created_by)
       SELECT $1, customer_id, id, 'hold', 'Awaiting purchase order', $2::date - 5, $2::date + 10, $3
       FROM (SELECT id, customer_id, row_number() OVER (ORDER BY id) AS i FROM invoices
             WHERE company_id = $1 AND status IN ('open', 'partially_paid') AND balance_minor > 0) n WHERE i % 450 = 0`,
      [c, today, admin],
    );
    await client.query('COMMIT');
    for (const table of ['customers', 'locations', 'collection_entries', 'payment_promises', 'collection_holds', 'invoices']) {
      await client.query(`ANALYZE ${table}`);
    }
    return { companyId: c };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
