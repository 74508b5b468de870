import { access, createCompany, createCustomers, createInvoices, createMember, type TestCompany } from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { getWorklist } from '@/lib/collections/get-worklist';
import { completeWorklistItem } from '@/lib/collections/complete-worklist-item';
import { reassignCustomers } from '@/lib/collections/reassign-customers';

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
  await prisma.$executeRaw`UPDATE invoices SET overdue_flagged_at = '2026-03-09T00:00:00Z' WHERE company_id = ${co.id}::uuid AND id = ${charlieInvoice}::uuid`;
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
