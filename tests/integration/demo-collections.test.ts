// fixtures first: it prepares Next's runtime globals before server modules load.
import { access } from '../support/fixtures';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { getWorklist } from '@/lib/collections/get-worklist';
import { listCollectionEntries } from '@/lib/collections/list-collection-entries';
import { listHolds } from '@/lib/collections/list-holds';
import { listPromises } from '@/lib/collections/list-promises';
import { seedDemoIfEmpty } from '../../scripts/lib/demo-data';
import { withServer } from '../support/test-databases';

// The demo's collections (scripts/lib/demo-collections.ts), seeded into a database of its own as in
// demo-ledger.test.ts: collectors per location, a pending and a broken promise, a dispute, a hold, due next actions.

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T17:00:00Z');
const template = new URL(inject('templateUrl'));
const templateName = decodeURIComponent(template.pathname.slice(1));
const urlOf = (database: string) => Object.assign(new URL(template), { pathname: `/${database}` }).toString();
const adminUrl = urlOf('postgres');
const name = templateName.replace(/tpl$/, `democ_${randomBytes(4).toString('hex')}`);
const workerUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  await withServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`));
  const url = urlOf(name);
  expect((await seedDemoIfEmpty(url, { today: TODAY })).seeded).toBe(true);
  process.env.DATABASE_URL = url;
}, 120_000);

afterAll(async () => {
  await prisma.$disconnect();
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_URL = workerUrl;
  await withServer(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

describe('demo collections', () => {
  it('gives Acme collectors, log entries, a pending and a broken promise, a dispute, a hold and next actions due today', async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' } });
    const admin = await access(user.id, 'acme');
    const locations = await prisma.location.findMany({ where: { companyId: admin.company.id }, select: { collectorId: true } });
    expect(locations.every((l) => l.collectorId !== null)).toBe(true);
    const promises = await listPromises(admin, {}, { now: NOW });
    expect(promises.rows.map((r) => r.state).sort()).toEqual(['broken', 'pending']);
    const holds = await listHolds(admin, { active: true }, { now: NOW });
    expect(holds.rows.map((h) => [h.kind, h.endsOn]).sort()).toEqual([
      ['dispute', null],
      ['hold', '2026-12-03'],
    ]);
    expect((await listCollectionEntries(admin, {})).totalRows).toBe(6);
    const due = await prisma.customer.count({ where: { companyId: admin.company.id, nextActionOn: new Date(`${TODAY}T00:00:00Z`) } });
    expect(due).toBe(3);
    expect(await prisma.customer.count({ where: { companyId: admin.company.id, remindersOptOut: true } })).toBe(1);
    const worklist = await getWorklist(admin, { scope: 'everyone', perPage: '100' }, NOW);
    expect(worklist.items.filter((i) => i.type === 'next_action')).toHaveLength(3);
    expect(worklist.items.filter((i) => i.type === 'broken_promise')).toHaveLength(1);
  });
});
