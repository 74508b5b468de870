// fixtures first: it prepares Next's runtime globals before the server modules load.
import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { DEFAULT_POLICY } from '@/lib/dunning/default-policy';
import { refreshCustomerRisk } from '@/lib/collections/refresh-customer-risk';
import { flagOverdueInvoices } from '@/lib/dunning/flag-overdue-invoices';
import { runCollections } from '@/lib/dunning/run-collections';
import { updateDunningPolicy } from '@/lib/dunning/update-dunning-policy';

// 03:30 on 2026-03-09 in New York (EDT since the night before): the run date is 2026-03-09.
const NOW = new Date('2026-03-09T07:30:00Z');

beforeAll(() => {
  delete process.env.SMTP_URL;
});

async function setup(opts: { mode?: 'automatic' | 'approve'; customers?: number } = {}) {
  const company = await createCompany({ timeZone: 'America/New_York', locations: ['Main'] });
  const loc = company.locations[0]!.id;
  const admin = await createMember(company, 'admin');
  const collector = await createMember(company, 'member', { view: [loc], modify: [loc] });
  await updateDunningPolicy(await access(admin.id, company.slug), { ...DEFAULT_POLICY, mode: opts.mode ?? 'automatic' });
  return { company, loc, admin, collector };
}

const audits = (company: TestCompany) => prisma.auditLog.count({ where: { companyId: company.id, action: 'invoice.overdue_flagged' } });
const titles = async (company: TestCompany, userId: string) =>
  (await prisma.notification.findMany({ where: { companyId: company.id, userId }, orderBy: { title: 'asc' } })).map((n) => `${n.kind}: ${n.title}`);

describe('the nightly overdue run', () => {
  it('flags open and partly paid invoices with a balance that fell due before today, once, with an audit row each and notifications', async () => {
    const { company, loc, admin, collector } = await setup();
    const [mine, other] = await createCustomers(company.id, [
      { name: 'Collected Co', email: 'ap@collected.example', defaultLocationId: loc },
      { name: 'Other Co', email: 'ap@other.example', defaultLocationId: loc },
    ]);
    await prisma.customer.update({ where: { companyId_id: { companyId: company.id, id: mine!.id } }, data: { collectorId: collector.id } });
    const base = { locationId: loc, invoiceDate: '2026-01-01', amount: 10_000 };
    const [due, partly, today, paid, future, draft, otherDue] = await createInvoices(company.id, [
      { ...base, customerId: mine!.id, dueDate: '2026-03-08' },
      { ...base, customerId: mine!.id, dueDate: '2026-02-01', balance: 4_000, status: 'open' },
      { ...base, customerId: mine!.id, dueDate: '2026-03-09' },
      { ...base, customerId: mine!.id, dueDate: '2026-02-01', balance: 0, status: 'paid' },
      { ...base, customerId: other!.id, dueDate: '2026-04-01' },
      { ...base, customerId: other!.id, dueDate: '2026-02-01', status: 'draft' },
      { ...base, customerId: other!.id, dueDate: '2026-03-01' },
    ]);
    await prisma.invoice.update({ where: { companyId_id: { companyId: company.id, id: partly! } }, data: { status: 'partially_paid' } });

    const first = await runCollections(company.id, { now: NOW, trigger: 'manual', userId: admin.id });
    expect(first.runOn).toBe('2026-03-09');
    expect(first.flagged).toBe(3);
    const flagged = await prisma.invoiceOverdueFlag.findMany({
      where: { companyId: company.id },
      select: { invoiceId: true, flaggedAt: true, runOn: true },
    });
    expect(flagged.map((f) => f.invoiceId).sort()).toEqual([due!, partly!, otherDue!].sort());
    expect(flagged.every((f) => f.flaggedAt.getTime() === NOW.getTime() && f.runOn.toISOString().startsWith('2026-03-09'))).toBe(true);
    expect(await audits(company)).toBe(3);
    void [today, paid, future, draft];

    const adminNotes = await titles(company, admin.id);
    expect(adminNotes).toContain('overdue: 3 invoices of 2 customers became overdue');
    expect(await titles(company, collector.id)).toContain('overdue: 2 invoices of 1 customer became overdue');

    // Again the same day: nothing flagged, audited or notified twice; the run row is the same.
    const again = await runCollections(company.id, { now: new Date(NOW.getTime() + 3_600_000), trigger: 'schedule' });
    expect(again.runId).toBe(first.runId);
    expect(again.flagged).toBe(3);
    expect(await audits(company)).toBe(3);
    expect(await titles(company, admin.id)).toEqual(adminNotes);
    expect(await prisma.dunningRun.count({ where: { companyId: company.id } })).toBe(1);
    const run = await prisma.dunningRun.findFirstOrThrow({ where: { companyId: company.id } });
    expect({ status: run.status, trigger: run.trigger, flagged: run.flagged }).toEqual({ status: 'done', trigger: 'manual', flagged: 3 });
  });

  it("uses the company's calendar day: 23:30 in New York is still the day before", async () => {
    const { company, loc } = await setup();
    const [c] = await createCustomers(company.id, [{ name: 'Late Co', email: 'ap@late.example', defaultLocationId: loc }]);
    await createInvoices(company.id, [{ customerId: c!.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-08', amount: 5_000 }]);
    const evening = await runCollections(company.id, { now: new Date('2026-03-09T03:30:00Z'), trigger: 'schedule' });
    expect({ runOn: evening.runOn, flagged: evening.flagged }).toEqual({ runOn: '2026-03-08', flagged: 0 });
    const next = await runCollections(company.id, { now: NOW, trigger: 'schedule' });
    expect({ runOn: next.runOn, flagged: next.flagged }).toEqual({ runOn: '2026-03-09', flagged: 1 });
  });

  it('two runs at once flag each invoice once and send one email per customer', async () => {
    const { company, loc } = await setup();
    const customers = await createCustomers(
      company.id,
      Array.from({ length: 6 }, (_, i) => ({ name: `Twin ${i}`, email: `ap${i}@twin.example`, defaultLocationId: loc })),
    );
    await createInvoices(
      company.id,
      customers.flatMap((c) => [
        { customerId: c.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-01', amount: 9_000 },
        { customerId: c.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-02-01', amount: 7_000 },
      ]),
    );
    const runs = await Promise.all([
      runCollections(company.id, { now: NOW, trigger: 'schedule', chunkSize: 2 }),
      runCollections(company.id, { now: NOW, trigger: 'manual', chunkSize: 2 }),
    ]);
    expect(runs[0].runId).toBe(runs[1].runId);
    expect(await audits(company)).toBe(12);
    const emails = await prisma.emailOutbox.findMany({
      where: { companyId: company.id },
      select: { toAddress: true, reminderId: true, statementId: true },
    });
    expect(emails.map((e) => e.toAddress).sort()).toEqual(customers.map((_, i) => `ap${i}@twin.example`).sort());
    expect(emails.every((e) => e.reminderId && e.statementId)).toBe(true);
    expect(await prisma.dunningReminderItem.count({ where: { companyId: company.id } })).toBe(12);
    expect(await prisma.dunningReminder.count({ where: { companyId: company.id } })).toBe(6);
  });

  it('a crash after the first chunk loses nothing: the rerun sends the rest, each exactly once', async () => {
    const { company, loc } = await setup();
    const customers = await createCustomers(
      company.id,
      Array.from({ length: 5 }, (_, i) => ({ name: `Crash ${i}`, email: `ap${i}@crash.example`, defaultLocationId: loc })),
    );
    await createInvoices(
      company.id,
      customers.map((c) => ({ customerId: c.id, locationId: loc, invoiceDate: '2026-01-01', dueDate: '2026-03-01', amount: 9_000 })),
    );
    await expect(runCollections(company.id, { now: NOW, trigger: 'schedule', chunkSize: 2, failAfterChunk: 1 })).rejects.toThrow(
      'Simulated crash after chunk 1',
    );
    expect(await prisma.emailOutbox.count({ where: { companyId: company.id } })).toBe(2);
    const failed = await prisma.dunningRun.findFirstOrThrow({ where: { companyId: company.id } });
    expect({ status: failed.status, lastError: failed.lastError }).toEqual({ status: 'failed', lastError: 'Simulated crash after chunk 1' });

    const rerun = await runCollections(company.id, { now: new Date(NOW.getTime() + 15 * 60_000), trigger: 'schedule', chunkSize: 2 });
    expect({ emails: rerun.emails, flagged: rerun.flagged, tasks: rerun.tasks }).toEqual({ emails: 5, flagged: 5, tasks: 0 });
    const emails = await prisma.emailOutbox.findMany({ where: { companyId: company.id }, select: { toAddress: true } });
    expect(emails.map((e) => e.toAddress).sort()).toEqual(customers.map((_, i) => `ap${i}@crash.example`));
    expect(await prisma.collectionEntry.count({ where: { companyId: company.id, source: 'reminder' } })).toBe(5);
    expect((await prisma.dunningRun.findFirstOrThrow({ where: { companyId: company.id } })).status).toBe('done');
  });

  it("a deleted company takes its flags and the worklist's order with it", async () => {
    const doomed = await createCompany({ timeZone: 'America/New_York', locations: ['Main'] });
    const [c] = await createCustomers(doomed.id, ['Doomed']);
    await createInvoices(doomed.id, [
      { customerId: c!.id, locationId: doomed.locations[0]!.id, invoiceDate: '2026-01-01', dueDate: '2026-02-01', amount: 900 },
    ]);
    expect(await flagOverdueInvoices(doomed.id, '2026-03-09', NOW)).toBe(1);
    expect(await refreshCustomerRisk(doomed.id, '2026-03-09', NOW)).toBe(true);
    const left = async () => {
      const [row] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT ((SELECT count(*) FROM invoice_overdue_flags WHERE company_id = ${doomed.id}::uuid)
          + (SELECT count(*) FROM customer_risk WHERE company_id = ${doomed.id}::uuid)
          + (SELECT count(*) FROM customer_risk_totals WHERE company_id = ${doomed.id}::uuid))::int AS n`;
      return row!.n;
    };
    expect(await left()).toBe(3);
    await prisma.$transaction([
      prisma.$executeRaw`DELETE FROM invoices WHERE company_id = ${doomed.id}::uuid`,
      prisma.$executeRaw`DELETE FROM customers WHERE company_id = ${doomed.id}::uuid`,
      prisma.$executeRaw`DELETE FROM locations WHERE company_id = ${doomed.id}::uuid`,
      prisma.$executeRaw`DELETE FROM companies WHERE id = ${doomed.id}::uuid`,
    ]);
    expect(await left()).toBe(0);
  });
});
