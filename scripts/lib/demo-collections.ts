import type pg from 'pg';
import { addDays } from './prng';

/** Location name -> the email of the member who collects there by default. */
const COLLECTORS: Record<string, string> = {
  Boston: 'manager@acme.test',
  Chicago: 'manager@acme.test',
  Denver: 'manager@acme.test',
  Miami: 'admin@acme.test',
  Seattle: 'admin@acme.test',
};

interface Pick {
  customer_id: string;
  invoice_id: string;
  balance_minor: string;
  currency: string;
  collector: string | null;
}

/**
 * The demo company's collections: collectors per location, a few log entries, a pending and a broken promise, a
 * dispute and a hold, next actions due today and an opt-out. Deterministic given the seeded ledger and `today`
 * (the customers are the first by name with an overdue invoice); run after the users exist.
 */
export async function seedDemoCollections(
  client: pg.ClientBase,
  c: { companyId: string; locationIds: Map<string, string> },
  today: string,
  timeZone: string,
): Promise<void> {
  const co = c.companyId;
  for (const [location, email] of Object.entries(COLLECTORS)) {
    await client.query(
      `UPDATE locations l SET collector_id = m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE l.company_id = $1 AND l.id = $2 AND m.company_id = $1 AND u.email = $3`,
      [co, c.locationIds.get(location), email],
    );
  }
  // One overdue invoice (the oldest) of each of the first customers by name; the second has none paid for weeks,
  // so its promise comes out broken.
  const { rows } = await client.query<Pick>(
    `SELECT DISTINCT ON (cu.name, cu.id) cu.id AS customer_id, i.id AS invoice_id, i.balance_minor::text, trim(i.currency) AS currency,
       l.collector_id AS collector
     FROM customers cu JOIN invoices i ON i.company_id = cu.company_id AND i.customer_id = cu.id
       LEFT JOIN locations l ON l.company_id = cu.company_id AND l.id = cu.default_location_id
     WHERE cu.company_id = $1 AND i.status IN ('open', 'partially_paid') AND i.balance_minor > 0 AND i.due_date < $2::date - 30
       AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.company_id = i.company_id AND a.invoice_id = i.id AND a.applied_on >= $2::date - 30)
     ORDER BY cu.name, cu.id, i.due_date, i.id
     LIMIT 5`,
    [co, today],
  );
  if (rows.length < 5) return;
  const [promised, broke, disputed, held, visited] = rows as [Pick, Pick, Pick, Pick, Pick];
  const at = (daysAgo: number, time: string) => `${addDays(today, -daysAgo)} ${time}`;
  const entry = async (p: Pick, kind: string, daysAgo: number, time: string, contact: string | null, outcome: string, note: string | null) => {
    const r = await client.query<{ id: string }>(
      `INSERT INTO collection_entries (company_id, customer_id, kind, occurred_at, user_id, contact_person, outcome, note, source)
       VALUES ($1, $2, $3, $4::timestamp AT TIME ZONE $5, $6, $7, $8, $9, 'manual') RETURNING id`,
      [co, p.customer_id, kind, at(daysAgo, time), timeZone, p.collector, contact, outcome, note],
    );
    const id = r.rows[0]!.id;
    await client.query(`INSERT INTO collection_entry_invoices (company_id, entry_id, invoice_id) VALUES ($1, $2, $3)`, [co, id, p.invoice_id]);
    return id;
  };
  const promise = async (p: Pick, entryId: string, madeAgo: number, promisedIn: number) => {
    const r = await client.query<{ id: string }>(
      `INSERT INTO payment_promises (company_id, customer_id, currency, amount_minor, promised_on, made_on, entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5::date, $6::date, $7, $8) RETURNING id`,
      [co, p.customer_id, p.currency, p.balance_minor, addDays(today, promisedIn), addDays(today, -madeAgo), entryId, p.collector],
    );
    await client.query(`INSERT INTO payment_promise_invoices (company_id, promise_id, invoice_id) VALUES ($1, $2, $3)`, [
      co,
      r.rows[0]!.id,
      p.invoice_id,
    ]);
  };
  const nextAction = (p: Pick, action: string) =>
    client.query(`UPDATE customers SET next_action = $3, next_action_on = $4::date WHERE company_id = $1 AND id = $2`, [
      co,
      p.customer_id,
      action,
      today,
    ]);

  await promise(promised, await entry(promised, 'call', 3, '10:15', 'Dana (accounts payable)', 'Promised to pay in full', null), 3, 5);
  await nextAction(promised, 'call_back');
  await promise(
    broke,
    await entry(broke, 'call', 20, '14:40', 'Front desk', 'Promised payment within ten days', 'Asked for a copy of the invoice; sent it.'),
    20,
    -10,
  );
  await entry(broke, 'email', 9, '09:05', null, 'Chased the missed payment', null);
  await nextAction(broke, 'formal_letter');
  await entry(disputed, 'call', 7, '11:30', 'Site manager', 'Disputes the monitoring fee', 'Says the panel was offline for two weeks.');
  await client.query(
    `INSERT INTO collection_holds (company_id, customer_id, invoice_id, kind, reason, note, starts_on, ends_on, created_by)
     VALUES ($1, $2, $3, 'dispute', 'Monitoring fee disputed', 'Panel offline two weeks; service checking the logs.', $4::date, NULL, $5)`,
    [co, disputed.customer_id, disputed.invoice_id, addDays(today, -7), disputed.collector],
  );
  await entry(held, 'email', 4, '16:20', 'Procurement', 'Awaiting a purchase order', null);
  await client.query(
    `INSERT INTO collection_holds (company_id, customer_id, invoice_id, kind, reason, note, starts_on, ends_on, created_by)
     VALUES ($1, $2, NULL, 'hold', 'Awaiting purchase order', NULL, $3::date, $4::date, $5)`,
    [co, held.customer_id, addDays(today, -4), addDays(today, 10), held.collector],
  );
  await nextAction(held, 'escalate');
  await entry(visited, 'visit', 2, '13:00', 'Owner', 'Asked to stop reminder emails; pays by cheque monthly', null);
  await client.query(`UPDATE customers SET reminders_opt_out = true WHERE company_id = $1 AND id = $2`, [co, visited.customer_id]);
}
