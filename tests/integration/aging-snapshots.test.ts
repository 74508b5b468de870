// fixtures first: it prepares Next's runtime globals before server modules load.
import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGING_SCHEME_PRESETS, bucketsOf, DEFAULT_AGING_SCHEME } from '@/lib/aging/scheme';
import { prisma } from '@/lib/db/client';
import { changeInvoiceState } from '@/lib/ledger/change-invoice-state';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';
import { recordPayment } from '@/lib/ledger/record-payment';
import { writeOffInvoice } from '@/lib/ledger/write-off-invoice';
import { agingPageQuery, usesRunningTotals, type AgingPageQuery } from '@/lib/receivables/aging-page-query';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { keepAgingSnapshots } from '@/lib/snapshots/keep-aging-snapshots';
import { withFreshSnapshots } from '@/lib/snapshots/with-fresh-snapshots';

// Aging snapshots hold past week and month ends so month-end closing and the trend need not read the ledger.
// These tests hold every snapshot equal, row for row, to the aging computed from the ledger: after the
// build, and after payments, credits and write-offs dated in the past, a new invoice and a void are recorded
// later.

const NOW = new Date('2026-11-03T12:00:00Z'); // a Tuesday: week ends 2026-08-08 .. 2026-10-31
const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x))) as unknown;
type Row = Record<string, unknown>;

describe('aging snapshots', () => {
  let company: TestCompany;
  let admin: CompanyAccess;
  let limited: CompanyAccess;
  let ids: string[];
  let customerIds: string[];

  const snapshots = async () =>
    prisma.$queryRaw<{ id: bigint; as_of: string; ready: boolean }[]>`
      SELECT id, as_of::text, ready FROM aging_snapshots WHERE company_id = ${company.id}::uuid ORDER BY as_of`;
  const dirty = async () =>
    prisma.$queryRaw<{ as_of: string; n: number }[]>`
      SELECT s.as_of::text, count(DISTINCT d.customer_id)::int AS n FROM aging_snapshot_dirty d JOIN aging_snapshots s ON s.id = d.snapshot_id
      WHERE s.company_id = ${company.id}::uuid GROUP BY s.as_of ORDER BY s.as_of`;

  /** Every snapshot read the way the page reads it, against the ledger, for every location scope and order. */
  async function expectSnapshotsEqualLedger() {
    const buckets = bucketsOf(DEFAULT_AGING_SCHEME);
    const snaps = await snapshots();
    expect(snaps.length).toBeGreaterThan(0);
    for (const s of snaps) {
      for (const locationIds of [null, [company.locations[1]!.id]]) {
        // By a bucket the page reads the running balances, which a refresh rewrites with the rows.
        for (const sort of ['name', '-total', '-days_31_60', 'days_91_plus']) {
          const q: AgingPageQuery = {
            companyId: company.id,
            buckets,
            asOf: s.as_of,
            currency: 'USD',
            locationIds,
            historical: true,
            withUnapplied: true,
            sort,
            page: 1,
            perPage: 100,
          };
          // Read as the page reads it: the snapshot is refreshed first.
          const fromSnapshot = await withFreshSnapshots(company.id, [s.as_of], (db, ready) => {
            expect(ready.get(s.as_of)).toBe(s.id);
            return db.$queryRaw<Row[]>(agingPageQuery({ ...q, snapshotId: s.id }));
          });
          const fromLedger = await prisma.$queryRaw<Row[]>(agingPageQuery({ ...q, fromInvoices: true }));
          expect(plain(fromSnapshot), `${s.as_of} ${locationIds ? 'South' : 'every location'} by ${sort}`).toEqual(plain(fromLedger));
        }
      }
    }
  }

  beforeAll(async () => {
    company = await createCompany({ locations: ['North', 'South'] });
    admin = await access((await createMember(company, 'admin')).id, company.slug);
    limited = await access((await createMember(company, 'member', { view: [company.locations[1]!.id] })).id, company.slug);
    customerIds = (await createCustomers(company.id, ['Alder', 'Birch', 'Cedar', 'Dogwood'])).map((c) => c.id);
    const [north, south] = company.locations.map((l) => l.id) as [string, string];
    const [alder, birch, cedar, dogwood] = customerIds as [string, string, string, string];
    ids = await createInvoices(company.id, [
      { customerId: alder, locationId: north, invoiceDate: '2026-06-01', dueDate: '2026-07-01', amount: 10_000 },
      { customerId: alder, locationId: south, invoiceDate: '2026-08-15', dueDate: '2026-09-14', amount: 2_500 },
      { customerId: birch, locationId: south, invoiceDate: '2026-09-20', dueDate: '2026-10-20', amount: 4_000 },
      { customerId: birch, locationId: south, invoiceDate: '2026-09-20', dueDate: '2026-10-20', amount: 700, currency: 'CAD' },
      { customerId: cedar, locationId: north, invoiceDate: '2026-10-25', dueDate: '2026-11-24', amount: 5_000 },
      { customerId: dogwood, locationId: south, invoiceDate: '2026-07-01', dueDate: '2026-07-31', amount: 8_000 },
    ]);
    // Paid in the past, before the snapshots exist: the ledger adds it back on earlier dates.
    await recordPayment(admin, { invoiceId: ids[0], amount: '40.00', receivedOn: '2026-08-20', reference: `SN-${company.slug}-1` });
  });

  it('builds the 13 week ends and 12 month ends before today from the ledger, once', async () => {
    const first = await keepAgingSnapshots(company, NOW);
    expect(first.built).toHaveLength(24); // 13 + 12, and 2026-10-31 is both
    const snaps = await snapshots();
    expect(snaps.map((s) => s.as_of)).toEqual([
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-08',
      '2026-08-15',
      '2026-08-22',
      '2026-08-29',
      '2026-08-31',
      '2026-09-05',
      '2026-09-12',
      '2026-09-19',
      '2026-09-26',
      '2026-09-30',
      '2026-10-03',
      '2026-10-10',
      '2026-10-17',
      '2026-10-24',
      '2026-10-31',
    ]);
    expect(snaps.every((s) => s.ready)).toBe(true);
    const again = await keepAgingSnapshots(company, NOW);
    expect(again).toEqual({ built: [], refreshed: snaps.length, dropped: 0 });
    await expectSnapshotsEqualLedger();
  });

  it('holds the summary of a month end to the ledger in exact amounts', async () => {
    const page = await getAgingPage(admin, agingParamsSchema.parse({ asOf: '2026-09-30' }), NOW);
    // On 2026-09-30: Alder's first invoice 100.00 less 40.00 paid 2026-08-20 (91 days past due), its second
    // 25.00 (16 days), Birch's 40.00 current, Dogwood's 80.00 (61 days); Cedar's invoice of 2026-10-25 is Pending.
    expect(page.summary.amounts).toEqual({ pending: 5_000, current: 4_000, days_1_30: 2_500, days_31_60: 0, days_61_90: 8_000, days_91_plus: 6_000 });
    expect(page.summary.total).toBe(25_500);
  });

  it('orders a snapshot by any bucket, either way, as the ledger does, for schemes with and without Pending', async () => {
    await keepAgingSnapshots(company, NOW);
    const schemes = [
      DEFAULT_AGING_SCHEME,
      AGING_SCHEME_PRESETS.find((p) => p.key === '0-30-60-90')!.scheme,
      { ...DEFAULT_AGING_SCHEME, showPending: false, basis: 'calendar_months' as const },
    ];
    let checked = 0;
    for (const scheme of schemes) {
      const buckets = bucketsOf(scheme);
      for (const s of await snapshots()) {
        for (const locationIds of [null, [company.locations[1]!.id]]) {
          for (const sort of buckets.flatMap((b) => [b.key, `-${b.key}`])) {
            const q: AgingPageQuery = {
              ...{ companyId: company.id, buckets, asOf: s.as_of, currency: 'USD', locationIds, historical: true, withUnapplied: true },
              // Page 2 of 3 rows crosses from the customers with money in the bucket to those without.
              ...{ sort, page: 2, perPage: 3 },
            };
            expect(usesRunningTotals({ ...q, snapshotId: s.id })).toBe(true);
            const fromSnapshot = await prisma.$queryRaw<Row[]>(agingPageQuery({ ...q, snapshotId: s.id }));
            const fromLedger = await prisma.$queryRaw<Row[]>(agingPageQuery({ ...q, fromInvoices: true }));
            expect(plain(fromSnapshot), `${s.as_of} ${locationIds ? 'South' : 'every location'} by ${sort}`).toEqual(plain(fromLedger));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('stays equal to the ledger when payments, credits and write-offs dated in the past are recorded later', async () => {
    await recordPayment(admin, { invoiceId: ids[2], amount: '15.00', receivedOn: '2026-10-05', reference: `SN-${company.slug}-2` });
    await writeOffInvoice(admin, { invoiceId: ids[5], reason: 'bad_debt', description: 'Closed', writtenOffOn: '2026-10-12' });
    await recordCreditNote(admin, { customerId: customerIds[3], amount: '12.00', issuedOn: '2026-09-10', reason: 'Goodwill' });
    // Noted for the snapshots on or after each date, for the customers touched, and not before.
    const noted = new Map((await dirty()).map((d) => [d.as_of, d.n]));
    expect(noted.get('2026-09-05')).toBeUndefined();
    expect(noted.get('2026-09-12')).toBe(1); // Dogwood's credit
    expect(noted.get('2026-10-10')).toBe(2); // and Birch's payment
    expect(noted.get('2026-10-31')).toBe(2); // and Dogwood's write-off
    await expectSnapshotsEqualLedger();
    // The page refreshes the snapshot it reads, and answers as the ledger does.
    const page = await getAgingPage(admin, agingParamsSchema.parse({ asOf: '2026-10-10' }), NOW);
    const birch = page.rows.find((r) => r.customer.id === customerIds[1])!;
    expect(birch.amounts.current).toBe(4_000 - 1_500);
    expect(new Map((await dirty()).map((d) => [d.as_of, d.n])).get('2026-10-10')).toBeUndefined();
  });

  it('stays equal when a back-dated invoice is added and another is voided', async () => {
    const [late] = await createInvoices(company.id, [
      { customerId: customerIds[2]!, locationId: company.locations[1]!.id, invoiceDate: '2026-08-01', dueDate: '2026-08-31', amount: 3_300 },
    ]);
    await changeInvoiceState(admin, ids[4]!, 'void');
    expect((await dirty()).length).toBe((await snapshots()).length); // an invoice reaches every snapshot
    await expectSnapshotsEqualLedger();
    const limitedPage = await getAgingPage(limited, agingParamsSchema.parse({ asOf: '2026-09-30' }), NOW);
    const cedar = limitedPage.rows.find((r) => r.customer.id === customerIds[2]);
    expect(cedar?.amounts.days_1_30).toBe(3_300); // due 2026-08-31: 30 days on 2026-09-30
    expect(late).toBeDefined();
  });

  it('reads equal to the ledger while back-dated payments land at the same time', { timeout: 60_000 }, async () => {
    const buckets = bucketsOf(DEFAULT_AGING_SCHEME);
    const asOf = '2026-10-31';
    const q: AgingPageQuery = {
      companyId: company.id,
      buckets,
      asOf,
      currency: 'USD',
      locationIds: null,
      historical: true,
      withUnapplied: true,
      sort: 'name',
      page: 1,
      perPage: 100,
    };
    const payments = Array.from({ length: 12 }, (_, k) => async () => {
      // A cent at a time, dated in October, to Alder's and Birch's open invoices in turn.
      await recordPayment(admin, {
        invoiceId: ids[k % 2 === 0 ? 1 : 2],
        amount: '0.01',
        receivedOn: `2026-10-${String(10 + k).padStart(2, '0')}`,
        reference: `SN-${company.slug}-race-${k}`,
      });
    });
    let fromSnapshot = 0;
    const reads = Array.from({ length: 12 }, () => async () => {
      // The snapshot and the ledger read in the one transaction: they must agree whatever lands meanwhile.
      await withFreshSnapshots(company.id, [asOf], async (db, ready) => {
        if (!ready.has(asOf)) return;
        fromSnapshot += 1;
        const a = await db.$queryRaw<Row[]>(agingPageQuery({ ...q, snapshotId: ready.get(asOf)! }));
        const b = await db.$queryRaw<Row[]>(agingPageQuery({ ...q, fromInvoices: true }));
        expect(plain(a)).toEqual(plain(b));
      });
    });
    await Promise.all([...payments, ...reads].map((f) => f()));
    expect(fromSnapshot).toBeGreaterThan(0);
    await expectSnapshotsEqualLedger();
  });

  it('moves with the calendar: drops what it no longer keeps and builds the new week and month ends', async () => {
    const later = await keepAgingSnapshots(company, new Date('2026-12-02T12:00:00Z'));
    expect(later.built).toEqual(['2026-11-30', '2026-11-28', '2026-11-21', '2026-11-14', '2026-11-07']);
    const dates = (await snapshots()).map((s) => s.as_of);
    expect(dates[0]).toBe('2025-12-31');
    expect(dates).not.toContain('2026-08-29');
    await expectSnapshotsEqualLedger();
  });
});
