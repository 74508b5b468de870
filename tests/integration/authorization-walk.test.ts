// fixtures first: it prepares Next's runtime globals before the route modules and server actions load.
import {
  access,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  createTokenFor,
  inRequestScope,
  runServerAction,
  type TestCompany,
} from '../support/fixtures';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { placeHold } from '@/lib/collections/place-hold';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';
import { recordPayment } from '@/lib/ledger/record-payment';
import { generateStatements } from '@/lib/statements/generate-statements';

/**
 * Every route handler and every server action, found on disk, is called with another company's ids and by a
 * caller without the permission: each must answer 404 (another company's object reads as missing) or 403 /
 * a refusal, and write nothing. A new route or action fails here until it is listed below.
 */

interface World {
  slug: string;
  customer: string;
  invoice: string;
  payment: string;
  creditNote: string;
  statement: string;
  batch: string;
  token: string;
  tokenId: string;
  location: string;
  hold: string;
  billSource: string;
}
interface Worlds {
  a: World;
  b: World;
  /** Tokens and users of company A who may not do what is asked. */
  viewerToken: string;
  nobodyToken: string;
  viewerId: string;
  nobodyId: string;
  adminId: string;
}

const list = (dir: string, match: (file: string) => boolean): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? list(full, match) : match(full) ? [full] : [];
  });

// ---- routes ----------------------------------------------------------------------------------------------------

type Need = 'view' | 'modify';
interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** The path's ids, as this world's objects: A's own for the permission check, B's for the tenancy check. */
  path: (w: World) => string;
  params: (w: World, slug: string) => Record<string, string>;
  body?: (w: World) => unknown;
  need: Need;
  /** The path or body names objects, so B's may be tried under A's slug (else that call is A's own request). */
  ids: boolean;
  /** What a caller without the permission gets, when not 403 or 404. */
  denied?: number[];
}
const json = (o: unknown) => o;
const ROUTES: Record<string, RouteCase | { skip: string }> = {
  'app/api/auth/[...nextauth]/route.ts': { skip: 'sign-in itself: no company data' },
  'app/api/v1/openapi.json/route.ts': { skip: 'the public API description: no company data' },
  'app/api/v1/companies/[company]/aging/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/aging',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/aging/detail/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/aging/detail',
    params: (_, slug) => ({ company: slug }),
  },
  // Payments have no location: a member without locations sees none of their customers' (an empty file).
  'app/api/v1/companies/[company]/payments/export/route.ts': {
    ids: false,
    denied: [200],
    method: 'GET',
    need: 'view',
    path: () => '/payments/export',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/dashboard/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/dashboard',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/aging/detail/export/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/aging/detail/export',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/aging/export/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/aging/export',
    params: (_, slug) => ({ company: slug }),
  },
  // A member without locations is told they have none (an empty list), which reveals nothing.
  'app/api/v1/companies/[company]/locations/route.ts': {
    ids: false,
    denied: [200],
    method: 'GET',
    need: 'view',
    path: () => '/locations',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/customers/[id]/aging/route.ts': {
    ids: true,
    method: 'GET',
    need: 'view',
    path: (w) => `/customers/${w.customer}/aging`,
    params: (w, slug) => ({ company: slug, id: w.customer }),
  },
  'app/api/v1/companies/[company]/customers/[id]/transactions/route.ts': {
    ids: true,
    method: 'GET',
    need: 'view',
    path: (w) => `/customers/${w.customer}/transactions`,
    params: (w, slug) => ({ company: slug, id: w.customer }),
  },
  'app/api/v1/companies/[company]/customers/[id]/transactions/export/route.ts': {
    ids: true,
    method: 'GET',
    need: 'view',
    path: (w) => `/customers/${w.customer}/transactions/export`,
    params: (w, slug) => ({ company: slug, id: w.customer }),
  },
  'app/api/v1/companies/[company]/statements/[id]/pdf/route.ts': {
    ids: true,
    method: 'GET',
    need: 'view',
    path: (w) => `/statements/${w.statement}/pdf`,
    params: (w, slug) => ({ company: slug, id: w.statement }),
  },
  'app/api/v1/companies/[company]/statement-batches/[id]/pdf/route.ts': {
    ids: true,
    method: 'GET',
    need: 'view',
    path: (w) => `/statement-batches/${w.batch}/pdf`,
    params: (w, slug) => ({ company: slug, id: w.batch }),
  },
  'app/api/v1/companies/[company]/customers/route.ts': {
    ids: false,
    method: 'POST',
    need: 'modify',
    path: () => '/customers',
    params: (_, slug) => ({ company: slug }),
    body: (w) => json({ name: 'Walk-in Ltd', defaultLocationId: w.location }),
  },
  'app/api/v1/companies/[company]/customers/[id]/route.ts': {
    ids: true,
    method: 'PATCH',
    need: 'modify',
    path: (w) => `/customers/${w.customer}`,
    params: (w, slug) => ({ company: slug, id: w.customer }),
    body: () => json({ city: 'Leeds' }),
  },
  'app/api/v1/companies/[company]/invoices/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: () => '/invoices',
    params: (_, slug) => ({ company: slug }),
    body: (w) =>
      json({
        customerId: w.customer,
        locationId: w.location,
        number: `WALK-${w.slug}`,
        invoiceDate: '2026-01-05',
        dueDate: '2026-02-04',
        amount: '10.00',
      }),
  },
  'app/api/v1/companies/[company]/invoices/[id]/post/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: (w) => `/invoices/${w.invoice}/post`,
    params: (w, slug) => ({ company: slug, id: w.invoice }),
  },
  'app/api/v1/companies/[company]/invoices/[id]/write-offs/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: (w) => `/invoices/${w.invoice}/write-offs`,
    params: (w, slug) => ({ company: slug, id: w.invoice }),
    body: () => json({ amount: '1.00', reason: 'other', description: 'walk' }),
  },
  'app/api/v1/companies/[company]/payments/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: () => '/payments',
    params: (_, slug) => ({ company: slug }),
    body: (w) => json({ invoiceId: w.invoice, amount: '1.00', receivedOn: '2026-02-01', reference: 'WALK' }),
  },
  'app/api/v1/companies/[company]/payments/[id]/applications/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: (w) => `/payments/${w.payment}/applications`,
    params: (w, slug) => ({ company: slug, id: w.payment }),
    body: (w) => json({ allocations: [{ invoiceId: w.invoice, amount: '1.00' }], appliedOn: '2026-02-02' }),
  },
  'app/api/v1/companies/[company]/credit-notes/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: () => '/credit-notes',
    params: (_, slug) => ({ company: slug }),
    body: (w) => json({ customerId: w.customer, amount: '1.00', issuedOn: '2026-02-01', reason: 'walk' }),
  },
  'app/api/v1/companies/[company]/worklist/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/worklist',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/worklist/complete/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: () => '/worklist/complete',
    params: (_, slug) => ({ company: slug }),
    body: (w) => json({ type: 'newly_overdue', id: w.customer, kind: 'call', outcome: 'walk' }),
  },
  // Managers only: a view-only member is refused.
  'app/api/v1/companies/[company]/customers/reassign/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: () => '/customers/reassign',
    params: (_, slug) => ({ company: slug }),
    body: (w) => json({ customerIds: [w.customer], collectorId: null }),
  },
  // Every member reads and marks only their own notifications (an empty list reveals nothing).
  'app/api/v1/companies/[company]/notifications/route.ts': {
    ids: false,
    denied: [200],
    method: 'GET',
    need: 'view',
    path: () => '/notifications',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/notifications/read/route.ts': {
    ids: false,
    denied: [200],
    method: 'POST',
    need: 'modify',
    path: () => '/notifications/read',
    params: (_, slug) => ({ company: slug }),
    body: () => json({ all: true }),
  },
  // Aging periods (admins change them; any member reads them). Walked with the write.
  'app/api/v1/companies/[company]/aging-scheme/route.ts': {
    ids: false,
    method: 'PUT',
    need: 'modify',
    path: () => '/aging-scheme',
    params: (_, slug) => ({ company: slug }),
    body: () => json({ preset: 'current-30-60' }),
  },
  // Bill sources (admins change them; any member lists them). Walked with the writes.
  'app/api/v1/companies/[company]/bill-sources/route.ts': {
    ids: false,
    method: 'POST',
    need: 'modify',
    path: () => '/bill-sources',
    params: (_, slug) => ({ company: slug }),
    body: () => json({ name: 'Walk source', frequency: { kind: 'weekly' } }),
  },
  'app/api/v1/companies/[company]/bill-sources/[id]/route.ts': {
    ids: true,
    method: 'PUT',
    need: 'modify',
    path: (w) => `/bill-sources/${w.billSource}`,
    params: (w, slug) => ({ company: slug, id: w.billSource }),
    body: () => json({ name: 'Walked', frequency: { kind: 'monthly' } }),
  },
  // Finance charges (admins): walked with the run, which creates invoices.
  'app/api/v1/companies/[company]/finance-charges/route.ts': {
    ids: false,
    method: 'POST',
    need: 'modify',
    path: () => '/finance-charges',
    params: (_, slug) => ({ company: slug }),
  },
  // Dunning (admins; reading the policy needs view). Files with two methods are walked with the write.
  'app/api/v1/companies/[company]/dunning-policy/route.ts': {
    ids: false,
    method: 'PUT',
    need: 'modify',
    path: () => '/dunning-policy',
    params: (_, slug) => ({ company: slug }),
    body: () =>
      json({
        enabled: true,
        mode: 'approve',
        minIntervalDays: 7,
        minimums: {},
        levels: [{ days: 1, channel: 'call', name: 'Call', subject: 'Call', body: 'Call {{customer}}' }],
      }),
  },
  'app/api/v1/companies/[company]/dunning-runs/route.ts': {
    ids: false,
    method: 'POST',
    need: 'modify',
    path: () => '/dunning-runs',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/dunning-runs/preview/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/dunning-runs/preview',
    params: (_, slug) => ({ company: slug }),
  },
  // No reminder in the walk's world: B's customer id stands in for an id of another company (404 either way).
  'app/api/v1/companies/[company]/dunning-reminders/[id]/approve/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: (w) => `/dunning-reminders/${w.customer}/approve`,
    params: (w, slug) => ({ company: slug, id: w.customer }),
  },
  'app/api/v1/companies/[company]/dunning-reminders/[id]/cancel/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: (w) => `/dunning-reminders/${w.customer}/cancel`,
    params: (w, slug) => ({ company: slug, id: w.customer }),
  },
  'app/api/v1/companies/[company]/dunning-reminders/decide/route.ts': {
    ids: false,
    method: 'POST',
    need: 'modify',
    path: () => '/dunning-reminders/decide',
    params: (_, slug) => ({ company: slug }),
    body: () => json({ all: true, decision: 'cancel' }),
  },
  'app/api/v1/companies/[company]/collection-log/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/collection-log',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/promises/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/promises',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/holds/route.ts': {
    ids: false,
    method: 'GET',
    need: 'view',
    path: () => '/holds',
    params: (_, slug) => ({ company: slug }),
  },
  'app/api/v1/companies/[company]/holds/[id]/end/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: (w) => `/holds/${w.hold}/end`,
    params: (w, slug) => ({ company: slug, id: w.hold }),
  },
  'app/api/v1/companies/[company]/customers/[id]/collection/route.ts': {
    ids: true,
    method: 'PATCH',
    need: 'modify',
    path: (w) => `/customers/${w.customer}/collection`,
    params: (w, slug) => ({ company: slug, id: w.customer }),
    body: () => json({ remindersOptOut: true, nextAction: 'call_back', nextActionOn: '2099-01-01' }),
  },
  'app/api/v1/companies/[company]/credit-notes/[id]/applications/route.ts': {
    ids: true,
    method: 'POST',
    need: 'modify',
    path: (w) => `/credit-notes/${w.creditNote}/applications`,
    params: (w, slug) => ({ company: slug, id: w.creditNote }),
    body: (w) => json({ allocations: [{ invoiceId: w.invoice, amount: '1.00' }], appliedOn: '2026-02-02' }),
  },
};

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function callRouteCase(file: string, c: RouteCase, w: World, slug: string, token: string): Promise<number> {
  const mod = (await import(`@/${file.replace(/\.ts$/, '')}`)) as Record<string, Handler>;
  const handler = mod[c.method]!;
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (c.body) headers.set('content-type', 'application/json');
  const req = new Request(`http://localhost/api/v1/companies/${slug}${c.path(w)}`, {
    method: c.method,
    headers,
    body: c.body ? JSON.stringify(c.body(w)) : undefined,
  });
  const res = await inRequestScope(req, () => handler(req, { params: Promise.resolve(c.params(w, slug)) }));
  return res.status;
}

// ---- server actions --------------------------------------------------------------------------------------------

type ActionResultish = { ok: boolean; code?: string };
type Action = (slug: string, ...args: unknown[]) => Promise<ActionResultish>;
interface ActionCase {
  /** Arguments after the slug, naming this world's objects. */
  args: (w: World) => unknown[];
  /** Who lacks the permission: a view-only member, a member without any location, or nobody (any member may). */
  deniedAs: 'viewer' | 'nobody' | null;
  /** The arguments name objects (ids, invoice numbers), so B's may be tried under A's slug. */
  ids: boolean;
}
const csv = (w: World) => `invoice,amount,date,reference\n${w.invoice},1.00,2026-02-01,WALK-CSV`;
const invoiceCsv = () => 'customer,invoice_number,invoice_date,due_date,location,amount\nWalk Co,WALK-IMP,2026-01-05,2026-02-04,Location 1,5.00';
const profile = () => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ remitTo: 'PO Box 1', downloadLimit: '10', generateLimit: '10', logoAction: 'keep' })) form.set(k, v);
  return form;
};
const ACTIONS: Record<string, ActionCase | { skip: string }> = {
  'lib/actions/collections/complete-worklist-item.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ type: 'newly_overdue', id: w.customer, kind: 'call', outcome: 'walk' }],
  },
  'lib/actions/collections/reassign-customers.ts': { ids: true, deniedAs: 'viewer', args: (w) => [{ customerIds: [w.customer], collectorId: null }] },
  // Any member marks their own notifications read.
  'lib/actions/notifications/mark-notifications-read.ts': { ids: false, deniedAs: null, args: () => [{ all: true }] },
  'lib/actions/collections/add-collection-entry.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [
      { customerId: w.customer, kind: 'call', outcome: 'walk', invoiceIds: [w.invoice], promise: { amount: '1.00', promisedOn: '2099-01-01' } },
    ],
  },
  'lib/actions/collections/place-hold.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ kind: 'dispute', invoiceId: w.invoice, reason: 'walk' }],
  },
  'lib/actions/collections/end-hold.ts': { ids: true, deniedAs: 'viewer', args: (w) => [{ id: w.hold }] },
  'lib/actions/collections/set-customer-collection.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ customerId: w.customer, remindersOptOut: true, nextAction: 'escalate', nextActionOn: '2099-01-01' }],
  },
  // Managers only: a view-only member is refused.
  'lib/actions/collections/set-location-collector.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ locationId: w.location, collectorId: null }],
  },
  'lib/actions/company-action.ts': { skip: 'the wrapper itself' },
  'lib/actions/csv-upload.ts': { skip: 'a size check the import actions share' },
  'lib/actions/invoices/download-invoices.ts': { ids: true, deniedAs: 'nobody', args: (w) => [{ customerIds: [w.customer], locations: [] }] },
  'lib/actions/invoices/preview-invoice-import.ts': { ids: false, deniedAs: 'viewer', args: () => [invoiceCsv()] },
  'lib/actions/invoices/import-invoices.ts': { ids: false, deniedAs: 'viewer', args: () => [invoiceCsv()] },
  'lib/actions/ledger/apply-credit.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ source: 'payment', id: w.payment, appliedOn: '2026-02-02', allocations: [{ invoiceId: w.invoice, amount: '1.00' }] }],
  },
  'lib/actions/ledger/change-invoice-state.ts': { ids: true, deniedAs: 'viewer', args: (w) => [w.invoice, 'void'] },
  'lib/actions/ledger/preview-payment-import.ts': { ids: true, deniedAs: 'viewer', args: (w) => [csv(w)] },
  'lib/actions/ledger/import-payments.ts': { ids: true, deniedAs: 'viewer', args: (w) => [csv(w)] },
  'lib/actions/ledger/record-credit-note.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ customerId: w.customer, amount: '1.00', issuedOn: '2026-02-01', reason: 'walk' }],
  },
  'lib/actions/ledger/record-payment.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ invoiceId: w.invoice, amount: '1.00', receivedOn: '2026-02-01', reference: 'WALK' }],
  },
  'lib/actions/ledger/write-off-invoice.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ invoiceId: w.invoice, amount: '1.00', reason: 'other', description: 'walk', writtenOffOn: '2026-02-01' }],
  },
  'lib/actions/dunning/run-collections-now.ts': { ids: false, deniedAs: 'viewer', args: () => [] },
  'lib/actions/dunning/update-dunning-policy.ts': {
    ids: false,
    deniedAs: 'viewer',
    args: () => [
      {
        enabled: true,
        mode: 'approve',
        minIntervalDays: 7,
        minimums: {},
        levels: [{ days: 1, channel: 'call', name: 'Call', subject: 'Call', body: 'Call' }],
      },
    ],
  },
  'lib/actions/dunning/decide-reminders.ts': { ids: true, deniedAs: 'viewer', args: (w) => [{ ids: [w.customer], decision: 'approve' }] },
  'lib/actions/settings/update-aging-scheme.ts': { ids: true, deniedAs: 'viewer', args: (w) => [{ preset: 'current-30-60' }, w.billSource] },
  'lib/actions/finance-charges/run-finance-charges.ts': { ids: false, deniedAs: 'viewer', args: () => [] },
  'lib/actions/customers/set-payment-terms.ts': { ids: true, deniedAs: 'viewer', args: (w) => [w.customer, { kind: 'net', days: 30 }] },
  'lib/actions/settings/save-bill-source.ts': {
    ids: true,
    deniedAs: 'viewer',
    args: (w) => [{ name: 'Walked', frequency: { kind: 'weekly' } }, w.billSource],
  },
  'lib/actions/settings/update-company-profile.ts': { ids: false, deniedAs: 'viewer', args: () => [profile()] },
  'lib/actions/statements/email-statement.ts': { ids: true, deniedAs: 'viewer', args: (w) => [w.statement] },
  'lib/actions/statements/generate-statements.ts': { ids: true, deniedAs: 'viewer', args: (w) => [{ mode: 'open', customerIds: [w.customer] }] },
  'lib/actions/statements/preview-statements.ts': { ids: true, deniedAs: 'viewer', args: (w) => [{ mode: 'open', customerIds: [w.customer] }] },
  // Any member may make a token for themselves: it acts with their own permissions.
  'lib/actions/tokens/create-api-token.ts': { ids: false, deniedAs: null, args: () => ['walk token'] },
  'lib/actions/tokens/revoke-api-token.ts': { ids: true, deniedAs: 'viewer', args: (w) => [w.tokenId] },
};

// ---- the world -------------------------------------------------------------------------------------------------

// Audit rows are left out: an import of a file whose rows are all refused still records the attempt.
const TABLES = [
  'customers',
  'invoices',
  'payments',
  'applications',
  'credit_notes',
  'write_offs',
  'invoice_statements',
  'statement_batches',
  'email_outbox',
  'api_tokens',
  'idempotency_keys',
  'collection_entries',
  'payment_promises',
  'collection_holds',
  'bill_sources',
  'aging_schemes',
];
async function writes(companyIds: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${t} WHERE company_id = ANY($1::uuid[])`, companyIds);
    counts[t] = Number(row!.n);
  }
  const [c] = await prisma.$queryRawUnsafe<{ s: string }[]>(
    `SELECT coalesce(string_agg(id::text || coalesce(city, '') || coalesce(default_location_id::text, ''), ',' ORDER BY id), '') AS s
    FROM customers WHERE company_id = ANY($1::uuid[])`,
    companyIds,
  );
  counts.customerState = c!.s.length;
  return counts;
}

async function world(company: TestCompany, adminId: string): Promise<World> {
  const admin = await access(adminId, company.slug);
  const loc = company.locations[0]!.id;
  const [customer] = await createCustomers(company.id, [{ name: `Walk ${company.slug}`, defaultLocationId: loc, email: 'ap@walk.example' }]);
  const [invoice] = await createInvoices(company.id, [
    { customerId: customer!.id, locationId: loc, invoiceDate: '2026-01-05', dueDate: '2026-02-04', amount: 50_000 },
  ]);
  const payment = await recordPayment(admin, { customerId: customer!.id, amount: '20.00', receivedOn: '2026-01-20', reference: 'ON-ACCOUNT' });
  const credit = await recordCreditNote(admin, { customerId: customer!.id, amount: '5.00', issuedOn: '2026-01-21', reason: 'goodwill' });
  const run = await generateStatements(admin, { mode: 'open', asOf: '2026-03-01' });
  const statement = await prisma.invoiceStatement.findFirstOrThrow({ where: { companyId: company.id, batchId: run.batchId } });
  const token = await createTokenFor(company.id, adminId);
  return {
    slug: company.slug,
    customer: customer!.id,
    invoice: invoice!,
    payment: payment.paymentId,
    creditNote: credit.creditNoteId,
    statement: statement.id,
    batch: run.batchId,
    token: token.secret,
    tokenId: token.id,
    location: loc,
    hold: (await placeHold(admin, { kind: 'hold', customerId: customer!.id, reason: 'walk', endsOn: '2099-01-01' })).holdId,
    billSource: (await prisma.billSource.create({ data: { companyId: company.id, name: 'Walk', frequency: 'weekly' } })).id,
  };
}

describe("every route handler and server action refuses another company's ids and a caller without the permission", () => {
  let w: Worlds;
  let tokenIds: Record<'a' | 'b', string>;
  let companyIds: string[];

  beforeAll(async () => {
    const a = await createCompany({ locations: 1 });
    const b = await createCompany({ locations: 1 });
    companyIds = [a.id, b.id];
    const adminA = (await createMember(a, 'admin')).id;
    const adminB = (await createMember(b, 'admin')).id;
    const viewer = (await createMember(a, 'member', { view: [a.locations[0]!.id] })).id;
    const nobody = (await createMember(a, 'member')).id;
    const [wa, wb] = [await world(a, adminA), await world(b, adminB)];
    tokenIds = {
      a: (await prisma.apiToken.findFirstOrThrow({ where: { companyId: a.id } })).id,
      b: (await prisma.apiToken.findFirstOrThrow({ where: { companyId: b.id } })).id,
    };
    w = {
      a: wa,
      b: wb,
      adminId: adminA,
      viewerId: viewer,
      nobodyId: nobody,
      viewerToken: (await createTokenFor(a.id, viewer)).secret,
      nobodyToken: (await createTokenFor(a.id, nobody)).secret,
    };
  });

  it('lists every route and action on disk', () => {
    const routes = list('app', (f) => f.endsWith('route.ts'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    const actions = list('lib/actions', (f) => f.endsWith('.ts'))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(routes).toEqual(Object.keys(ROUTES).sort());
    expect(actions).toEqual(Object.keys(ACTIONS).sort());
  });

  it("routes: another company's ids answer 404, a caller without the permission 403 or 404, and nothing is written", async () => {
    const outcomes: string[] = [];
    for (const [file, c] of Object.entries(ROUTES)) {
      if ('skip' in c) continue;
      const before = await writes(companyIds);
      // A's admin token with B's objects under A's slug, and with B's slug.
      const foreignIds = c.ids ? await callRouteCase(file, c, w.b, w.a.slug, w.a.token) : 404;
      const foreignSlug = await callRouteCase(file, c, w.b, w.b.slug, w.a.token);
      // A's own objects, by a member who lacks the permission (no location for reads, view-only for writes).
      const denied = await callRouteCase(file, c, w.a, w.a.slug, c.need === 'view' ? w.nobodyToken : w.viewerToken);
      const ok = (s: number, allowed: number[]) => (allowed.includes(s) ? '' : ` (got ${s})`);
      outcomes.push(`${file}: ids${ok(foreignIds, [404])} slug${ok(foreignSlug, [404])} denied${ok(denied, c.denied ?? [403, 404])}`);
      expect(await writes(companyIds), file).toEqual(before);
    }
    expect(outcomes.filter((o) => o.includes('(got'))).toEqual([]);
  });

  it("server actions: another company's slug or ids are refused, as is a caller without the permission, and nothing is written", async () => {
    const problems: string[] = [];
    for (const [file, c] of Object.entries(ACTIONS)) {
      if ('skip' in c) continue;
      const mod = (await import(`@/${file.replace(/\.ts$/, '')}`)) as Record<string, Action>;
      const action = Object.values(mod).find((v) => typeof v === 'function')!;
      const before = await writes(companyIds);
      const foreignSlug = (await runServerAction(w.adminId, () => action(w.b.slug, ...c.args(w.b)))).result;
      if (foreignSlug.ok || foreignSlug.code !== 'NOT_FOUND') problems.push(`${file}: B's slug gave ${JSON.stringify(foreignSlug)}`);
      if (c.ids) {
        const foreignIds = (await runServerAction(w.adminId, () => action(w.a.slug, ...c.args(w.b)))).result;
        // Refused outright, or (an import's review) every row refused as not an invoice the caller may see.
        const refusedIds = foreignIds.ok ? /"(importable|imported)":0,/.test(JSON.stringify(foreignIds)) : foreignIds.code === 'NOT_FOUND';
        if (!refusedIds) problems.push(`${file}: B's ids under A gave ${JSON.stringify(foreignIds).slice(0, 200)}`);
      }
      if (c.deniedAs) {
        const denied = (await runServerAction(c.deniedAs === 'viewer' ? w.viewerId : w.nobodyId, () => action(w.a.slug, ...c.args(w.a)))).result;
        if (denied.ok || !['FORBIDDEN', 'NOT_FOUND'].includes(denied.code ?? ''))
          problems.push(`${file}: denied user got ${JSON.stringify(denied).slice(0, 200)}`);
      }
      const after = await writes(companyIds);
      if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${file}: wrote ${JSON.stringify(after)} (was ${JSON.stringify(before)})`);
    }
    expect(problems).toEqual([]);
    expect(tokenIds.a).not.toBe(tokenIds.b);
  });
});
