// fixtures first: it prepares Next's runtime globals before server modules load.
import { access } from '../support/fixtures';
import { expectRunningTotalsMatchInvoices } from '../support/aging-totals';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';
import { getCustomerTransactions } from '@/lib/receivables/get-customer-transactions';
import { seedDemoIfEmpty } from '../../scripts/lib/demo-data';
import { withServer } from '../support/test-databases';

// The demo data (npm start's) must not contradict itself: what a customer's transactions add up to is what the
// aging page says they owe, because every paid or part-paid invoice was paid by real payments and credits.
// The seed only loads into a database without companies, and this worker's database is shared with other test
// files, so the demo goes into a database of its own, cloned from the migrated template, and the app's reads
// (Prisma, bound to DATABASE_URL at first use) are pointed at it for this file.

const TODAY = '2026-11-23';
const template = new URL(inject('templateUrl'));
const templateName = decodeURIComponent(template.pathname.slice(1));
const urlOf = (database: string) => Object.assign(new URL(template), { pathname: `/${database}` }).toString();
const adminUrl = urlOf('postgres');
const created: string[] = [];
const workerUrl = process.env.DATABASE_URL;

/** A new database cloned from the migrated template, with the demo seeded into it as of TODAY; returns its URL. */
async function seededDemoDatabase(): Promise<{ url: string; ms: number }> {
  const name = templateName.replace(/tpl$/, `demo_${randomBytes(4).toString('hex')}`);
  await withServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`));
  created.push(name);
  const url = urlOf(name);
  const started = performance.now();
  const result = await seedDemoIfEmpty(url, { today: TODAY });
  expect(result.seeded).toBe(true);
  return { url, ms: performance.now() - started };
}

const sql = async <T extends object>(text: string, params: unknown[] = []): Promise<T[]> =>
  withServer(process.env.DATABASE_URL!, async (client) => (await client.query(text, params)).rows as T[]);

beforeAll(async () => {
  const { url, ms } = await seededDemoDatabase();
  console.log(`demo seeded in ${Math.round(ms)} ms`);
  process.env.DATABASE_URL = url;
  const [db] = await prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  expect(db?.name, 'Prisma reads the demo database').toBe(new URL(url).pathname.slice(1));
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_URL = workerUrl;
  await withServer(adminUrl, async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe('the demo ledger', () => {
  it('has balances equal to amount less applications and write-offs, states that follow them, and plausible dates', async () => {
    const [c] = await sql<Record<string, number>>(
      `
      WITH e AS (
        SELECT i.*, coalesce((SELECT sum(a.amount_minor) FROM applications a WHERE a.company_id = i.company_id AND a.invoice_id = i.id), 0) AS applied,
          coalesce((SELECT sum(w.amount_minor) FROM write_offs w WHERE w.company_id = i.company_id AND w.invoice_id = i.id), 0) AS written_off
        FROM invoices i)
      SELECT
        count(*) FILTER (WHERE status NOT IN ('draft', 'void') AND balance_minor <> amount_minor - applied - written_off)::int AS "wrongBalance",
        count(*) FILTER (WHERE status IN ('draft', 'void') AND (applied + written_off > 0 OR balance_minor <> CASE WHEN status = 'void' THEN 0 ELSE amount_minor END))::int AS "wrongUnposted",
        count(*) FILTER (WHERE status NOT IN ('draft', 'void') AND status <> CASE
          WHEN balance_minor = amount_minor THEN 'open' WHEN balance_minor > 0 THEN 'partially_paid'
          WHEN written_off > 0 AND status = 'written_off' THEN 'written_off' ELSE 'paid' END)::int AS "wrongStatus",
        count(*) FILTER (WHERE status = 'paid')::int AS paid,
        count(*) FILTER (WHERE status = 'partially_paid')::int AS "partiallyPaid",
        count(*) FILTER (WHERE status = 'written_off')::int AS "writtenOff",
        count(*) FILTER (WHERE status = 'partially_paid' AND written_off > 0)::int AS "partlyWrittenOff",
        (SELECT count(*) FROM payments WHERE unapplied_minor <> amount_minor - coalesce((SELECT sum(a.amount_minor) FROM applications a
           WHERE a.company_id = payments.company_id AND a.payment_id = payments.id), 0))::int AS "wrongPayment",
        (SELECT count(*) FROM credit_notes n WHERE unapplied_minor <> amount_minor - coalesce((SELECT sum(a.amount_minor) FROM applications a
           WHERE a.company_id = n.company_id AND a.credit_note_id = n.id), 0))::int AS "wrongCredit",
        (SELECT count(*) FROM applications a JOIN invoices i ON i.company_id = a.company_id AND i.id = a.invoice_id
           LEFT JOIN payments p ON p.company_id = a.company_id AND p.id = a.payment_id
           LEFT JOIN credit_notes n ON n.company_id = a.company_id AND n.id = a.credit_note_id
           WHERE i.customer_id <> coalesce(p.customer_id, n.customer_id) OR i.currency <> coalesce(p.currency, n.currency)
             OR a.applied_on < coalesce(p.received_on, n.issued_on) OR a.applied_on < i.invoice_date OR a.applied_on > $1::date)::int AS "wrongApplication",
        (SELECT count(*) FROM payments WHERE received_on > $1::date)::int
          + (SELECT count(*) FROM credit_notes WHERE issued_on > $1::date)::int
          + (SELECT count(*) FROM write_offs w JOIN invoices i ON i.company_id = w.company_id AND i.id = w.invoice_id
               WHERE w.written_off_on > $1::date OR w.written_off_on < i.invoice_date)::int AS "futureOrEarly"
      FROM e`,
      [TODAY],
    );
    expect(c).toMatchObject({
      wrongBalance: 0,
      wrongUnposted: 0,
      wrongStatus: 0,
      wrongPayment: 0,
      wrongCredit: 0,
      wrongApplication: 0,
      futureOrEarly: 0,
    });
    expect(c!.paid).toBeGreaterThan(300);
    expect(c!.partiallyPaid).toBeGreaterThan(200);
    expect(c!.writtenOff).toBeGreaterThan(0);
    expect(c!.partlyWrittenOff).toBeGreaterThan(0);

    // Every kind of entry the issue asks for is there.
    const [k] = await sql<Record<string, number>>(`
      WITH p AS (SELECT p.*, (SELECT count(*) FROM applications a WHERE a.company_id = p.company_id AND a.payment_id = p.id) AS n FROM payments p)
      SELECT count(*) FILTER (WHERE n = 0)::int AS "onAccount", count(*) FILTER (WHERE n > 0 AND unapplied_minor > 0)::int AS "partlyApplied",
        count(*) FILTER (WHERE n > 1)::int AS "severalInvoices",
        (SELECT count(*) FROM credit_notes WHERE unapplied_minor = 0)::int AS "appliedCredits",
        (SELECT count(*) FROM credit_notes WHERE unapplied_minor > 0)::int AS "unappliedCredits",
        (SELECT count(*) FROM write_offs)::int AS "writeOffs",
        (SELECT count(*) FROM invoices i WHERE (SELECT count(*) FROM applications a WHERE a.company_id = i.company_id AND a.invoice_id = i.id) > 1)::int AS "paidInParts"
      FROM p`);
    expect(k!.onAccount).toBeGreaterThan(2);
    expect(k!.partlyApplied).toBeGreaterThan(2);
    expect(k!.severalInvoices).toBeGreaterThan(20);
    expect(k!.appliedCredits).toBeGreaterThan(2);
    expect(k!.unappliedCredits).toBeGreaterThan(0);
    expect(k!.writeOffs).toBeGreaterThan(2);
    expect(k!.paidInParts).toBeGreaterThan(10);
    // The Unapplied Payments and Customer Credits pages list 25 a page, oldest first: keep the demo's on page one.
    const [u] = await sql<{ payments: number; credits: number }>(`SELECT
      (SELECT count(*) FROM payments WHERE unapplied_minor > 0)::int AS payments, (SELECT count(*) FROM credit_notes WHERE unapplied_minor > 0)::int AS credits`);
    expect(u!.payments).toBeLessThan(20);
    expect(u!.credits).toBeLessThan(10);
  });

  it("ends every customer's transactions, in each currency, at what the aging page and the customer's aging say they owe", async () => {
    const admins = { acme: 'admin@acme.test', globex: 'admin@globex.test' } as const;
    for (const [slug, email] of Object.entries(admins)) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      const a = await access(user.id, slug);
      const expected = await sql<{ customer_id: string; currency: string; open: string; unapplied: string }>(
        `
        WITH cur AS (
          SELECT customer_id, currency FROM invoices WHERE company_id = $1 UNION SELECT customer_id, currency FROM payments WHERE company_id = $1
          UNION SELECT customer_id, currency FROM credit_notes WHERE company_id = $1 UNION SELECT id, $2::char(3) FROM customers WHERE company_id = $1)
        SELECT customer_id, trim(currency) AS currency,
          (SELECT coalesce(sum(balance_minor), 0) FROM invoices i WHERE i.company_id = $1 AND i.customer_id = cur.customer_id AND i.currency = cur.currency
             AND i.status IN ('open', 'partially_paid') AND i.balance_minor > 0)::text AS open,
          ((SELECT coalesce(sum(unapplied_minor), 0) FROM payments p WHERE p.company_id = $1 AND p.customer_id = cur.customer_id AND p.currency = cur.currency)
           + (SELECT coalesce(sum(unapplied_minor), 0) FROM credit_notes n WHERE n.company_id = $1 AND n.customer_id = cur.customer_id AND n.currency = cur.currency))::text AS unapplied
        FROM cur ORDER BY 1, 2`,
        [a.company.id, a.company.baseCurrency],
      );
      const rows = new Map<string, { total: number; unapplied: number }>();
      for (const currency of new Set(expected.map((e) => e.currency))) {
        for (const [key, row] of await agingRows(a, currency)) rows.set(key, row);
      }
      const wrong: string[] = [];
      let withPayments = 0;
      for (const e of expected) {
        const open = Number(e.open);
        const net = open - Number(e.unapplied);
        const tx = await getCustomerTransactions(a, e.customer_id, { currency: e.currency });
        const end = tx.transactions.at(-1)?.balanceMinor ?? 0;
        if (tx.transactions.some((t) => t.kind === 'payment')) withPayments++;
        const row = rows.get(`${e.customer_id}/${e.currency}`) ?? { total: 0, unapplied: 0 };
        const aging = await getCustomerAging(a, e.customer_id, TODAY);
        const owed = aging.summaries.find((s) => s.currency === e.currency)?.total ?? 0;
        const what = `${slug} ${tx.customer.name} ${e.currency}`;
        if (end !== net) wrong.push(`${what}: transactions end at ${end}, open balances less unapplied are ${net}`);
        if (row.total !== net || row.unapplied !== Number(e.unapplied))
          wrong.push(`${what}: aging page net ${row.total} (unapplied ${row.unapplied}), expected ${net} (${e.unapplied})`);
        if (owed !== open) wrong.push(`${what}: customer aging ${owed}, open invoices ${open}`);
      }
      expect(wrong).toEqual([]);
      expect(withPayments).toBeGreaterThan(slug === 'acme' ? 200 : 10);
      await expectRunningTotalsMatchInvoices(a.company.id, { folded: true });
    }
  }, 120_000);

  it('is the same ledger on every run (as of the same day)', async () => {
    const digest = (url: string) =>
      withServer(
        url,
        async (client) =>
          (
            await client.query<{ d: string }>(`SELECT md5(string_agg(r, '|' ORDER BY r)) AS d FROM (
      SELECT concat_ws(',', id, invoice_id, payment_id, credit_note_id, amount_minor, applied_on) AS r FROM applications
      UNION ALL SELECT concat_ws(',', id, customer_id, amount_minor, unapplied_minor, received_on, reference, method, note) FROM payments
      UNION ALL SELECT concat_ws(',', id, customer_id, amount_minor, unapplied_minor, issued_on, reason) FROM credit_notes
      UNION ALL SELECT concat_ws(',', id, invoice_id, amount_minor, written_off_on, reason) FROM write_offs
      UNION ALL SELECT concat_ws(',', id, number, balance_minor, status) FROM invoices) x`)
          ).rows[0]!.d,
      );
    const again = await seededDemoDatabase();
    expect(await digest(again.url)).toBe(await digest(process.env.DATABASE_URL!));
  }, 120_000);
});

/** Every row of the aging page in `currency` as of TODAY, page by page: customer/currency -> net total and unapplied. */
async function agingRows(a: CompanyAccess, currency: string): Promise<Map<string, { total: number; unapplied: number }>> {
  const out = new Map<string, { total: number; unapplied: number }>();
  for (let page = 1; ; page++) {
    const report = await getAgingPage(a, agingParamsSchema.parse({ asOf: TODAY, currency, perPage: '50', page: String(page) }));
    for (const r of report.rows) out.set(`${r.customer.id}/${currency}`, { total: r.total, unapplied: r.unapplied });
    if (page >= report.totalPages) return out;
  }
}
