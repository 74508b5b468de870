import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { getWorklist } from '@/lib/collections/get-worklist';
import { completeWorklistItem } from '@/lib/collections/complete-worklist-item';
import { reassignCustomers } from '@/lib/collections/reassign-customers';
import { ensureCustomerRisk, refreshCustomerRisk } from '@/lib/collections/refresh-customer-risk';
import { recordPayment } from '@/lib/ledger/record-payment';
import { runCompanyNight } from '@/lib/dunning/run-due-companies';

// Asia/Muscat is UTC+4: 2026-03-11T06:00Z is 10:00 on the 11th there.
const T = new Date('2026-03-11T06:00:00Z');
const at = (iso: string) => new Date(iso);

let co: TestCompany;
let other: TestCompany;
let ids: { admin: string; c1: string; c2: string; viewer: string; otherAdmin: string };
let cu: Record<'alpha' | 'bravo' | 'charlie' | 'delta' | 'echo', string>;
let promiseId: string;
let holdId: string;
let taskId: string;
let otherCustomer: string;

const summary = (w: Awaited<ReturnType<typeof getWorklist>>) => w.items.map((i) => `${i.type}:${i.customer.name}:${i.dueOn}:${i.riskScore}`);
const list = async (userId: string, params: Record<string, string> = {}, now = T) => getWorklist(await access(userId, co.slug), params, now);

beforeAll(async () => {
  co = await createCompany({ timeZone: 'Asia/Muscat', locations: ['North', 'South', 'West'] });
  const [l1, l2, l3] = co.locations.map((l) => l.id) as [string, string, string];
  const admin = await createMember(co, 'admin', {}, 'Ana Admin');
  const c1 = await createMember(co, 'member', { view: [l1, l3], modify: [l1, l3] }, 'Cole One');
  const c2 = await createMember(co, 'member', { view: [l2], modify: [l2] }, 'Cara Two');
  const viewer = await createMember(co, 'member', { view: [l1] }, 'Vic Viewer');
  other = await createCompany({ locations: 1 });
  const otherAdmin = await createMember(other, 'admin');
  ids = { admin: admin.id, c1: c1.id, c2: c2.id, viewer: viewer.id, otherAdmin: otherAdmin.id };
  await prisma.$executeRaw`UPDATE locations SET collector_id = ${c1.id}::uuid WHERE company_id = ${co.id}::uuid AND id = ${l1}::uuid`;
  await prisma.$executeRaw`UPDATE locations SET collector_id = ${c2.id}::uuid WHERE company_id = ${co.id}::uuid AND id = ${l2}::uuid`;
  const made = await createCustomers(co.id, [
    { name: 'Alpha', defaultLocationId: l1 },
    { name: 'Bravo', defaultLocationId: l1 },
    { name: 'Charlie', defaultLocationId: l2 },
    { name: 'Delta', defaultLocationId: l1 },
    { name: 'Echo', defaultLocationId: l3 },
  ]);
  cu = { alpha: made[0]!.id, bravo: made[1]!.id, charlie: made[2]!.id, delta: made[3]!.id, echo: made[4]!.id };
  const inv = (customerId: string, locationId: string, dueDate: string, amount: number) => ({
    customerId,
    locationId,
    invoiceDate: '2025-12-01',
    dueDate,
    amount,
  });
  const [, , charlieInvoice] = await createInvoices(co.id, [
    inv(cu.alpha, l1, '2026-01-10', 100_000), // 60 days late: risk 200,000
    inv(cu.bravo, l1, '2026-03-01', 300_000), // 10 days late: risk 100,000
    inv(cu.charlie, l2, '2026-03-08', 40_000), // 3 days late: risk 4,000
  ]);
  await prisma.$executeRaw`
    INSERT INTO invoice_overdue_flags (company_id, invoice_id, customer_id, due_date, run_on, flagged_at)
    VALUES (${co.id}::uuid, ${charlieInvoice}::uuid, ${cu.charlie}::uuid, '2026-03-08', '2026-03-09', '2026-03-09T00:00:00Z')`;
  await prisma.$executeRaw`UPDATE customers SET next_action = 'call_back', next_action_on = '2026-03-11' WHERE company_id = ${co.id}::uuid AND id IN (${cu.alpha}::uuid, ${cu.echo}::uuid)`;
  promiseId = (
    await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO payment_promises (company_id, customer_id, currency, amount_minor, promised_on, made_on)
    VALUES (${co.id}::uuid, ${cu.bravo}::uuid, 'USD', 50000, '2026-03-10', '2026-03-01') RETURNING id`
  )[0]!.id;
  holdId = (
    await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO collection_holds (company_id, customer_id, kind, reason, starts_on, ends_on)
    VALUES (${co.id}::uuid, ${cu.delta}::uuid, 'hold', 'Awaiting PO', '2026-03-01', '2026-03-13') RETURNING id`
  )[0]!.id;
  const [run] = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO dunning_runs (company_id, run_on, trigger) VALUES (${co.id}::uuid, '2026-03-11', 'cli') RETURNING id`;
  taskId = (
    await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO dunning_reminders (company_id, run_id, customer_id, level, channel, status, subject, body_text, created_at)
    VALUES (${co.id}::uuid, ${run!.id}::uuid, ${cu.echo}::uuid, 3, 'call', 'task_open', 'Call Echo', 'Call about invoices', '2026-03-11T00:30:00Z') RETURNING id`
  )[0]!.id;
  otherCustomer = (await createCustomers(other.id, [{ name: 'Foreign', defaultLocationId: other.locations[0]!.id }]))[0]!.id;
});

describe('worklist', () => {
  it('lists every kind of item for a manager, ordered by money at risk, with amounts and detail', async () => {
    const w = await list(ids.admin);
    expect(w.today).toBe('2026-03-11');
    expect(w.scope).toBe('everyone');
    expect(summary(w)).toEqual([
      'next_action:Alpha:2026-03-11:200000',
      'broken_promise:Bravo:2026-03-11:100000',
      'newly_overdue:Charlie:2026-03-09:4000',
      'next_action:Echo:2026-03-11:0',
      'task:Echo:2026-03-11:0',
      'hold_ending:Delta:2026-03-13:0',
    ]);
    expect(w.totalRows).toBe(6);
    const [alpha, bravo] = w.items;
    expect(alpha!.overdue).toEqual([{ currency: 'USD', overdueMinor: 100_000, riskMinor: 200_000 }]);
    expect(alpha!.collector).toEqual({ id: ids.c1, name: 'Cole One' });
    expect(alpha!.detail).toEqual({ action: 'call_back', on: '2026-03-11' });
    expect(bravo!.id).toBe(promiseId);
    expect(bravo!.detail).toMatchObject({ state: 'broken', amountMinor: 50_000, paidMinor: 0, currency: 'USD', promisedOn: '2026-03-10' });
    expect(w.items.find((i) => i.type === 'task')!.collector).toBeNull();
    const page2 = await list(ids.admin, { perPage: '4', page: '2' });
    expect(summary(page2)).toEqual(['task:Echo:2026-03-11:0', 'hold_ending:Delta:2026-03-13:0']);
    expect(page2.totalPages).toBe(2);
    expect(summary(await list(ids.admin, { type: 'hold_ending' }))).toEqual(['hold_ending:Delta:2026-03-13:0']);
  });

  it('items appear and disappear exactly on their dates', async () => {
    const types = async (now: Date) => (await list(ids.admin, {}, now)).items.map((i) => `${i.type}:${i.customer.name}`);
    // 23:00 on the 10th in Muscat: the promise is still pending, the next actions not yet due.
    expect(await types(at('2026-03-10T19:00:00Z'))).toEqual(['newly_overdue:Charlie', 'task:Echo', 'hold_ending:Delta']);
    // 01:00 on the 11th: the morning after the promised date, the broken promise is there.
    expect(await types(at('2026-03-10T21:00:00Z'))).toContain('broken_promise:Bravo');
    // The hold ends on the 13th: it shows from the 10th, and not after it lapsed.
    expect(await types(at('2026-03-09T06:00:00Z'))).not.toContain('hold_ending:Delta');
    expect(await types(at('2026-03-14T06:00:00Z'))).not.toContain('hold_ending:Delta');
    // Flagged on the 9th: newly overdue through the 15th, gone on the 16th.
    expect(await types(at('2026-03-15T19:00:00Z'))).toContain('newly_overdue:Charlie');
    expect(await types(at('2026-03-15T20:00:00Z'))).not.toContain('newly_overdue:Charlie');
  });

  it('a customer stays newly overdue until a person contacts them after the flag', async () => {
    const charlie = async () => (await list(ids.admin, { type: 'newly_overdue' })).items.find((i) => i.customer.name === 'Charlie');
    const contactAt = (at: string | null) =>
      prisma.$executeRaw`UPDATE customers SET last_contact_at = ${at}::timestamptz WHERE company_id = ${co.id}::uuid AND id = ${cu.charlie}::uuid`;
    try {
      // A call the day before the flag (inside the 7 days) does not count: the invoice was not overdue yet.
      await contactAt('2026-03-08T12:00:00Z');
      expect((await charlie())?.detail).toEqual({ flaggedAt: '2026-03-09T00:00:00+00:00', invoices: 1 });
      await contactAt('2026-03-09T00:00:00Z');
      expect(await charlie()).toBeUndefined();
    } finally {
      await contactAt(null);
    }
    expect(await charlie()).toBeDefined();
  });

  it('a collector sees their own by default, unassigned on request, and never everyone', async () => {
    expect(summary(await list(ids.c1))).toEqual([
      'next_action:Alpha:2026-03-11:200000',
      'broken_promise:Bravo:2026-03-11:100000',
      'hold_ending:Delta:2026-03-13:0',
    ]);
    expect(summary(await list(ids.c2))).toEqual(['newly_overdue:Charlie:2026-03-09:4000']);
    // Echo has no collector; its task (nobody assigned) is for managers.
    expect(summary(await list(ids.c1, { scope: 'unassigned' }))).toEqual(['next_action:Echo:2026-03-11:0']);
    expect(summary(await list(ids.admin, { scope: 'unassigned' }))).toEqual(['next_action:Echo:2026-03-11:0', 'task:Echo:2026-03-11:0']);
    expect(summary(await list(ids.admin, { collectorId: ids.c2 }))).toEqual(['newly_overdue:Charlie:2026-03-09:4000']);
    await expect(list(ids.c1, { scope: 'everyone' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(list(ids.c1, { collectorId: ids.c2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(list(ids.admin, { scope: 'all' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a manager reassigns customers in bulk; others may not', async () => {
    const c1 = await access(ids.c1, co.slug);
    const admin = await access(ids.admin, co.slug);
    await expect(reassignCustomers(c1, { customerIds: [cu.delta], collectorId: ids.c1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reassignCustomers(admin, { customerIds: [cu.delta, otherCustomer], collectorId: ids.c2 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(reassignCustomers(admin, { customerIds: [cu.delta], collectorId: ids.otherAdmin })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: 'collectorId', message: 'Not a member' }],
    });
    await expect(reassignCustomers(await access(ids.otherAdmin, other.slug), { customerIds: [cu.delta], collectorId: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await reassignCustomers(admin, { customerIds: [cu.delta, cu.echo], collectorId: ids.c2 })).toEqual({ updated: 2 });
    // C2 cannot see Delta (North): the item stays out of their list; Echo (West) too.
    expect(summary(await list(ids.c2))).toEqual(['newly_overdue:Charlie:2026-03-09:4000']);
    expect(summary(await list(ids.admin, { collectorId: ids.c2 }))).toEqual([
      'newly_overdue:Charlie:2026-03-09:4000',
      'next_action:Echo:2026-03-11:0',
      'hold_ending:Delta:2026-03-13:0',
    ]);
    expect(summary(await list(ids.c1))).toEqual(['next_action:Alpha:2026-03-11:200000', 'broken_promise:Bravo:2026-03-11:100000']);
    expect(await reassignCustomers(admin, { customerIds: [cu.delta, cu.echo], collectorId: null })).toEqual({ updated: 2 });
    expect(summary(await list(ids.c1))).toContain('hold_ending:Delta:2026-03-13:0');
  });

  it('completing an item writes the log entry and clears it; refusals write nothing', async () => {
    const c1 = await access(ids.c1, co.slug);
    const c2 = await access(ids.c2, co.slug);
    const admin = await access(ids.admin, co.slug);
    const entries = async () => prisma.collectionEntry.count({ where: { companyId: co.id } });
    const before = await entries();
    const alphaItem = { type: 'next_action', id: cu.alpha, kind: 'call', outcome: 'Will pay Friday' };
    await expect(completeWorklistItem(await access(ids.viewer, co.slug), alphaItem, T)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(completeWorklistItem(c2, alphaItem, T)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(completeWorklistItem(admin, { ...alphaItem, id: otherCustomer }, T)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(completeWorklistItem(await access(ids.otherAdmin, other.slug), alphaItem, T)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(completeWorklistItem(c2, { type: 'newly_overdue', id: cu.charlie, kind: 'note' }, T)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      issues: [{ path: 'kind', message: 'A note is not a contact: record how you reached the customer' }],
    });
    await expect(completeWorklistItem(c1, { ...alphaItem, nextAction: 'call_back', nextActionOn: '2026-03-01' }, T)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await entries()).toBe(before);

    // Next action: replaced by a new one in three days.
    const done = await completeWorklistItem(c1, { ...alphaItem, note: 'Spoke to AP', nextAction: 'formal_letter', nextActionOn: '2026-03-14' }, T);
    expect(done.customerId).toBe(cu.alpha);
    const entry = await prisma.collectionEntry.findFirstOrThrow({ where: { companyId: co.id, id: done.entryId } });
    expect(entry).toMatchObject({
      customerId: cu.alpha,
      kind: 'call',
      outcome: 'Will pay Friday',
      note: 'Spoke to AP',
      source: 'worklist',
      userId: ids.c1,
    });
    expect(entry.occurredAt.toISOString()).toBe(T.toISOString());
    const alpha = await prisma.customer.findFirstOrThrow({ where: { companyId: co.id, id: cu.alpha } });
    expect([alpha.nextAction, alpha.nextActionOn?.toISOString().slice(0, 10), alpha.lastContactKind]).toEqual([
      'formal_letter',
      '2026-03-14',
      'call',
    ]);
    await expect(completeWorklistItem(c1, alphaItem, T)).rejects.toMatchObject({ code: 'CONFLICT' });

    // Broken promise, newly overdue, hold, task.
    await completeWorklistItem(c1, { type: 'broken_promise', id: promiseId, kind: 'email', outcome: 'New date asked' }, T);
    expect((await prisma.paymentPromise.findFirstOrThrow({ where: { companyId: co.id, id: promiseId } })).followedUpAt?.toISOString()).toBe(
      T.toISOString(),
    );
    await completeWorklistItem(c2, { type: 'newly_overdue', id: cu.charlie, kind: 'call' }, T);
    await completeWorklistItem(c1, { type: 'hold_ending', id: holdId, kind: 'note', note: 'PO due next week, keep hold' }, T);
    expect((await prisma.collectionHold.findFirstOrThrow({ where: { companyId: co.id, id: holdId } })).reviewedAt?.toISOString()).toBe(
      T.toISOString(),
    );
    await expect(completeWorklistItem(c1, { type: 'task', id: taskId, kind: 'call' }, T)).resolves.toMatchObject({ customerId: cu.echo });
    const task = await prisma.dunningReminder.findFirstOrThrow({ where: { companyId: co.id, id: taskId } });
    expect([task.status, task.decidedBy, task.decidedAt?.toISOString()]).toEqual(['done', ids.c1, T.toISOString()]);
    expect((await prisma.collectionEntry.findFirstOrThrow({ where: { companyId: co.id, reminderId: taskId } })).customerId).toBe(cu.echo);

    expect(await entries()).toBe(before + 5);
    expect(summary(await list(ids.admin))).toEqual(['next_action:Echo:2026-03-11:0']);
  });
});

// The order comes from the day's snapshot of money at risk (customer_risk, refreshed by the nightly run or the
// first read of a day); the amounts on the page are computed live. So a payment made during the day shows at once
// in the amounts (and riskScore), while the item keeps its place until the next day's snapshot.
describe('worklist order by the day’s money at risk', () => {
  // UTC company: 2026-04-20T09:00Z is 09:00 on the 20th.
  const D = '2026-04-20';
  const T1 = at('2026-04-20T09:00:00Z');
  let rk: TestCompany;
  let users: { admin: string; limited: string };
  let rc: Record<'apex' | 'birch' | 'cedar' | 'dune' | 'elm', string>;
  let birchSouth: string;
  let elmInvoice: string;
  const order = async (userId: string, now = T1) =>
    (await getWorklist(await access(userId, rk.slug), {}, now)).items.map((i) => `${i.type}:${i.customer.name}:${i.riskScore}`);
  const refreshRow = async () => prisma.customerRiskRefresh.findUnique({ where: { companyId: rk.id } });
  const riskRows = async () =>
    (await prisma.customerRisk.findMany({ where: { companyId: rk.id } }))
      .map((r) => `${r.customerId}:${r.locationId}:${r.currency}:${r.overdueMinor}:${r.riskMinor}`)
      .sort();

  beforeAll(async () => {
    rk = await createCompany({ locations: ['North', 'South'] });
    const [north, south] = rk.locations.map((l) => l.id) as [string, string];
    const admin = await createMember(rk, 'admin', {}, 'Rita Admin');
    const limited = await createMember(rk, 'member', { view: [north], modify: [north] }, 'Lee Limited');
    users = { admin: admin.id, limited: limited.id };
    const made = await createCustomers(rk.id, [
      { name: 'Apex', defaultLocationId: north },
      { name: 'Birch', defaultLocationId: north },
      { name: 'Cedar', defaultLocationId: north },
      { name: 'Dune', defaultLocationId: south },
      { name: 'Elm', defaultLocationId: south },
    ]);
    rc = { apex: made[0]!.id, birch: made[1]!.id, cedar: made[2]!.id, dune: made[3]!.id, elm: made[4]!.id };
    const inv = (customerId: string, locationId: string, dueDate: string, amount: number) => ({
      customerId,
      locationId,
      invoiceDate: '2026-01-01',
      dueDate,
      amount,
    });
    const ids = await createInvoices(rk.id, [
      inv(rc.apex, north, '2026-02-19', 100_000), // 60 days late on the 20th: risk 200,000
      inv(rc.birch, north, '2026-03-21', 30_000), // 30 days: risk 30,000
      inv(rc.birch, south, '2026-03-21', 900_000), // 30 days: risk 900,000, outside North
      inv(rc.cedar, north, '2026-03-21', 150_000), // 30 days: risk 150,000
      inv(rc.dune, south, '2026-03-21', 50_000), // 30 days: risk 50,000
      inv(rc.elm, south, '2026-04-17', 3_000), // 3 days: risk 300
      inv(rc.apex, north, '2026-05-30', 70_000), // not due yet: no risk
    ]);
    birchSouth = ids[2]!;
    elmInvoice = ids[5]!;
    await prisma.$executeRaw`
      INSERT INTO invoice_overdue_flags (company_id, invoice_id, customer_id, due_date, run_on, flagged_at)
      VALUES (${rk.id}::uuid, ${elmInvoice}::uuid, ${rc.elm}::uuid, '2026-04-17', '2026-04-18', '2026-04-18T02:00:00Z')`;
    // One next action each (Elm's item is its newly overdue invoice); the limited user collects for them all.
    await prisma.$executeRaw`UPDATE customers SET next_action = 'call_back', next_action_on = ${D}::date, collector_id = ${limited.id}::uuid
      WHERE company_id = ${rk.id}::uuid AND id <> ${rc.elm}::uuid`;
  });

  it('orders by money at risk, from the snapshot the first read of the day stores', async () => {
    expect(await refreshRow()).toBeNull();
    expect(await order(users.admin)).toEqual([
      'next_action:Birch:930000',
      'next_action:Apex:200000',
      'next_action:Cedar:150000',
      'next_action:Dune:50000',
      'newly_overdue:Elm:300',
    ]);
    const refresh = await refreshRow();
    expect([refresh?.asOf.toISOString().slice(0, 10), refresh?.refreshedAt.toISOString()]).toEqual([D, T1.toISOString()]);
    // Per customer, location and currency; the invoice not yet due counts nowhere.
    const [north, south] = rk.locations.map((l) => l.id);
    expect(await riskRows()).toEqual(
      [
        `${rc.apex}:${north}:USD:100000:200000`,
        `${rc.birch}:${north}:USD:30000:30000`,
        `${rc.birch}:${south}:USD:900000:900000`,
        `${rc.cedar}:${north}:USD:150000:150000`,
        `${rc.dune}:${south}:USD:50000:50000`,
        `${rc.elm}:${south}:USD:3000:300`,
      ].sort(),
    );
  });

  it('a location-limited user’s order counts only the locations they may view', async () => {
    // Birch's 900,000 at risk is in South: for a North-only user it is 30,000, after Apex and Cedar.
    expect(await order(users.limited)).toEqual(['next_action:Apex:200000', 'next_action:Cedar:150000', 'next_action:Birch:30000']);
    const birch = (await getWorklist(await access(users.limited, rk.slug), {}, T1)).items.find((i) => i.customer.id === rc.birch)!;
    expect(birch.overdue).toEqual([{ currency: 'USD', overdueMinor: 30_000, riskMinor: 30_000 }]);
  });

  it('refreshes once a day: later reads that day do not rewrite the snapshot', async () => {
    const before = await refreshRow();
    const later = at('2026-04-20T17:30:00Z');
    expect(await ensureCustomerRisk(rk.id, D, later)).toBe(false);
    await order(users.admin, later);
    await order(users.limited, later);
    expect((await refreshRow())?.refreshedAt.toISOString()).toBe(before?.refreshedAt.toISOString());
    // A refresh asked for the day again (the nightly run after an early read) finds it done.
    expect(await refreshCustomerRisk(rk.id, D, later)).toBe(false);
    expect((await refreshRow())?.refreshedAt.toISOString()).toBe(T1.toISOString());
  });

  it('a payment shows at once in the amounts; the order follows it the next day', async () => {
    const admin = await access(users.admin, rk.slug);
    await recordPayment(admin, { invoiceId: birchSouth, amount: '9000.00', receivedOn: D, reference: 'RK-1' });
    await recordPayment(admin, { invoiceId: elmInvoice, amount: '30.00', receivedOn: D, reference: 'RK-2' });
    const noon = at('2026-04-20T12:00:00Z');
    const w = await getWorklist(admin, {}, noon);
    // Birch keeps first place (the snapshot), with its live amounts: North's 30,000 only. Elm's paid invoice is no
    // longer newly overdue (items are live).
    expect(w.items.map((i) => `${i.type}:${i.customer.name}:${i.riskScore}`)).toEqual([
      'next_action:Birch:30000',
      'next_action:Apex:200000',
      'next_action:Cedar:150000',
      'next_action:Dune:50000',
    ]);
    expect(w.items[0]!.overdue).toEqual([{ currency: 'USD', overdueMinor: 30_000, riskMinor: 30_000 }]);
    // The next day's first read refreshes: 31 days late, Birch's 30,000 weighs 31,000, after Dune.
    const next = at('2026-04-21T09:00:00Z');
    expect(await order(users.admin, next)).toEqual([
      'next_action:Apex:203333',
      'next_action:Cedar:155000',
      'next_action:Dune:51667',
      'next_action:Birch:31000',
    ]);
    expect((await refreshRow())?.asOf.toISOString().slice(0, 10)).toBe('2026-04-21');
  });

  it('two refreshes at once leave one consistent set of rows', async () => {
    const day = '2026-04-22';
    // Hold writes to customer_risk until both callers are blocked (the first on the table, the second on the
    // company's advisory lock), so the two refreshes truly overlap.
    const both = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE customer_risk IN SHARE MODE`;
        const calls = Promise.all([
          ensureCustomerRisk(rk.id, day, at('2026-04-22T09:00:00Z')),
          ensureCustomerRisk(rk.id, day, at('2026-04-22T09:00:01Z')),
        ]);
        for (let waited = 0; ; waited += 20) {
          const [w] = await prisma.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          if (w!.n >= 2) break;
          if (waited > 5_000) throw new Error('the two refreshes never waited');
          await new Promise((r) => setTimeout(r, 20));
        }
        // Wrapped, or the transaction would wait for the calls it blocks.
        return { calls };
      },
      { timeout: 15_000 },
    );
    const [a, b] = await both.calls;
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const [north, south] = rk.locations.map((l) => l.id);
    // 32 days late: risk = balance × 32 / 30; Apex 62 days.
    expect(await riskRows()).toEqual(
      [
        `${rc.apex}:${north}:USD:100000:206667`,
        `${rc.birch}:${north}:USD:30000:32000`,
        `${rc.cedar}:${north}:USD:150000:160000`,
        `${rc.dune}:${south}:USD:50000:53333`,
      ].sort(),
    );
    const refresh = await refreshRow();
    expect(refresh?.asOf.toISOString().slice(0, 10)).toBe(day);
    expect([at('2026-04-22T09:00:00Z').getTime(), at('2026-04-22T09:00:01Z').getTime()]).toContain(refresh?.refreshedAt.getTime());
  });
  it('the scheduled night refreshes the snapshot after the run, so the day’s reads only read it', async () => {
    const night = at('2026-04-23T02:00:00Z');
    await runCompanyNight(rk.id, night);
    const refresh = await refreshRow();
    expect([refresh?.asOf.toISOString().slice(0, 10), refresh?.refreshedAt.toISOString()]).toEqual(['2026-04-23', night.toISOString()]);
    expect(await ensureCustomerRisk(rk.id, '2026-04-23', at('2026-04-23T09:00:00Z'))).toBe(false);
    expect((await order(users.admin, at('2026-04-23T09:00:00Z')))[0]).toBe('next_action:Apex:210000');
  });
});
