// fixtures first: it prepares Next's runtime globals before the server actions load.
import { access, createCompany, createCustomers, createInvoices, createMember, runServerAction, type TestCompany } from '../support/fixtures';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { recordPayment } from '@/lib/ledger/record-payment';
import { generateStatements } from '@/lib/statements/generate-statements';
import { amountText, dateText, fuzzOptions, hostileText, hostileValue, idText, rowCounts } from '../support/fuzz';

/**
 * Every server action (a public POST endpoint) fed generated arguments: realistic shapes with hostile values
 * and plain junk. Each answer is a typed result, never INTERNAL (what a 500 is to an action), and a refused
 * call writes nothing. The list comes from the file tree, so a new action fails here until it is given inputs.
 */

const REFUSALS = ['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'];
type Result = { ok: boolean; code?: string; message?: string };
type Action = (slug: string, ...args: unknown[]) => Promise<Result>;

let company: TestCompany;
let adminId: string;
let pools: { customers: string[]; invoices: string[]; payments: string[]; locations: string[]; statements: string[] };

const ids = () => idText([...pools.customers, ...pools.invoices, ...pools.payments]);
const anyOf = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: hostileValue });
const csvCell = fc.oneof(hostileText, amountText, dateText, fc.constant(''));
const csvFile = (header: string) =>
  fc
    .array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { maxLength: 4 })
    .map((rows) => [header, ...rows.map((r) => r.map((c) => JSON.stringify(c)).join(','))].join('\n'));

/** The arguments after the slug, per action file. */
const INPUTS: Record<string, (() => fc.Arbitrary<unknown[]>) | { skip: string }> = {
  'lib/actions/collections/complete-worklist-item.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            type: fc.constantFrom('next_action', 'broken_promise', 'newly_overdue', 'hold_ending', 'task', 'x'),
            id: ids(),
            kind: fc.constantFrom('call', 'email', 'note', 'x'),
            outcome: hostileText,
            note: hostileText,
            nextAction: fc.constantFrom('call_back', 'escalate', 'x'),
            nextActionOn: dateText,
          },
          { requiredKeys: ['type', 'id'] },
        ),
      ),
    ),
  'lib/actions/collections/reassign-customers.ts': () =>
    fc.tuple(anyOf(fc.record({ customerIds: fc.array(ids(), { maxLength: 3 }), collectorId: fc.oneof(ids(), fc.constant(null)) }))),
  'lib/actions/notifications/mark-notifications-read.ts': () =>
    fc.tuple(anyOf(fc.record({ ids: fc.array(ids(), { maxLength: 3 }), all: fc.constantFrom(true, false) }, { requiredKeys: [] }))),
  'lib/actions/collections/add-collection-entry.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            customerId: ids(),
            kind: fc.constantFrom('call', 'email', 'note', 'x'),
            occurredAt: fc.oneof(dateText, fc.constantFrom('2026-01-10T09:30', '2026-01-10T09:30:00Z', '2026-02-30T25:00', '2999-01-01T00:00')),
            contactPerson: hostileText,
            outcome: hostileText,
            note: hostileText,
            invoiceIds: fc.array(ids(), { maxLength: 3 }),
            promise: fc.record({ amount: amountText, currency: fc.constantFrom('USD', 'EUR', 'usd'), promisedOn: dateText }, { requiredKeys: [] }),
          },
          { requiredKeys: ['customerId', 'kind'] },
        ),
      ),
    ),
  'lib/actions/collections/place-hold.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            kind: fc.constantFrom('dispute', 'hold', 'x'),
            customerId: ids(),
            invoiceId: ids(),
            reason: hostileText,
            note: hostileText,
            startsOn: dateText,
            endsOn: fc.oneof(dateText, fc.constant(null)),
          },
          { requiredKeys: ['kind', 'reason'] },
        ),
      ),
    ),
  'lib/actions/collections/end-hold.ts': () => fc.tuple(anyOf(fc.record({ id: ids() }))),
  'lib/actions/collections/set-customer-collection.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            customerId: ids(),
            collectorId: fc.oneof(ids(), fc.constant(null)),
            nextAction: fc.constantFrom('call_back', 'legal_review', 'x', null),
            nextActionOn: fc.oneof(dateText, fc.constant(null)),
            remindersOptOut: fc.constantFrom(true, false, 'yes'),
          },
          { requiredKeys: ['customerId'] },
        ),
      ),
    ),
  'lib/actions/collections/set-location-collector.ts': () =>
    fc.tuple(anyOf(fc.record({ locationId: idText(pools.locations), collectorId: fc.oneof(ids(), fc.constant(null)) }))),
  'lib/actions/company-action.ts': { skip: 'the wrapper itself' },
  'lib/actions/csv-upload.ts': { skip: 'a size check the import actions share' },
  'lib/actions/invoices/download-invoices.ts': () =>
    fc.tuple(anyOf(fc.record({ customerIds: fc.array(ids(), { maxLength: 3 }), locations: fc.array(idText(pools.locations), { maxLength: 2 }) }))),
  'lib/actions/invoices/preview-invoice-import.ts': () => fc.tuple(anyOf(csvFile('customer,invoice_number,invoice_date,due_date,location,amount'))),
  'lib/actions/invoices/import-invoices.ts': () => fc.tuple(anyOf(csvFile('customer,invoice_number,invoice_date,due_date,location,amount'))),
  'lib/actions/ledger/apply-credit.ts': () =>
    fc.tuple(
      anyOf(
        fc.record({
          source: fc.constantFrom('payment', 'credit_note', 'x'),
          id: ids(),
          appliedOn: dateText,
          allocations: fc.array(fc.record({ invoiceId: ids(), amount: amountText }), { maxLength: 3 }),
        }),
      ),
    ),
  'lib/actions/ledger/change-invoice-state.ts': () => fc.tuple(anyOf(ids()), anyOf(fc.constantFrom('post', 'void', 'archive', 'delete'))),
  'lib/actions/ledger/preview-payment-import.ts': () => fc.tuple(anyOf(csvFile('invoice,amount,date,reference'))),
  'lib/actions/ledger/import-payments.ts': () => fc.tuple(anyOf(csvFile('invoice,amount,date,reference'))),
  'lib/actions/ledger/record-credit-note.ts': () =>
    fc.tuple(anyOf(fc.record({ customerId: ids(), amount: amountText, issuedOn: dateText, reason: hostileText }, { requiredKeys: ['customerId'] }))),
  'lib/actions/ledger/record-payment.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          { invoiceId: ids(), customerId: ids(), amount: amountText, receivedOn: dateText, reference: hostileText, method: hostileText },
          { requiredKeys: [] },
        ),
      ),
    ),
  'lib/actions/ledger/write-off-invoice.ts': () =>
    fc.tuple(
      anyOf(
        fc.record({
          invoiceId: ids(),
          amount: amountText,
          reason: fc.constantFrom('bad_debt', 'dispute', 'other', 'x'),
          description: hostileText,
          writtenOffOn: dateText,
        }),
      ),
    ),
  'lib/actions/dunning/run-collections-now.ts': () => fc.tuple(),
  'lib/actions/finance-charges/run-finance-charges.ts': () => fc.tuple(),
  'lib/actions/settings/update-aging-scheme.ts': () =>
    fc.tuple(
      anyOf(
        fc.oneof(
          fc.record({ preset: fc.oneof(fc.constantFrom('standard', '0-30-60-90', 'nope'), hostileValue) }),
          fc.record(
            {
              pendingLabel: hostileText,
              currentLabel: hostileText,
              showPending: fc.oneof(fc.boolean(), hostileValue),
              showCurrent: fc.oneof(fc.boolean(), hostileValue),
              basis: fc.oneof(fc.constantFrom('days', 'billing_periods', 'calendar_months', 'weeks'), hostileValue),
              financeCharge: fc.oneof(
                fc.constant(null),
                fc.record(
                  {
                    method: fc.constantFrom('rate', 'flat', 'x'),
                    rateBasisPoints: fc.oneof(fc.integer({ min: -5, max: 20_000 }), fc.double(), hostileValue),
                    minimumMinor: fc.oneof(fc.integer({ min: -5, max: 1e12 }), hostileValue),
                    feeMinor: fc.oneof(fc.integer({ min: -5, max: 1e12 }), hostileValue),
                    fromPeriod: fc.oneof(fc.integer({ min: -1, max: 20 }), hostileValue),
                  },
                  { requiredKeys: [] },
                ),
                hostileValue,
              ),
              periods: fc.array(
                fc.record({ label: hostileText, maxDays: fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.constant(null), hostileValue) }),
                {
                  maxLength: 15,
                },
              ),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
      fc.oneof(fc.constant(null), ids()),
    ),
  'lib/actions/customers/set-payment-terms.ts': () =>
    fc.tuple(
      ids(),
      anyOf(
        fc.oneof(
          fc.constant(null),
          fc.record(
            {
              kind: fc.constantFrom('due_on_receipt', 'net', 'end_of_month', 'cod'),
              days: fc.oneof(fc.integer({ min: -5, max: 400 }), hostileValue),
            },
            { requiredKeys: ['kind'] },
          ),
        ),
      ),
    ),
  'lib/actions/settings/save-bill-source.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            name: hostileText,
            frequency: fc.oneof(
              fc.record(
                {
                  kind: fc.constantFrom('weekly', 'every_n_days', 'monthly', 'quarterly', 'daily'),
                  days: fc.oneof(fc.integer({ min: -5, max: 400 }), hostileValue),
                },
                { requiredKeys: ['kind'] },
              ),
              hostileValue,
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      fc.oneof(fc.constant(undefined), ids()),
    ),
  'lib/actions/dunning/update-dunning-policy.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            enabled: fc.oneof(fc.boolean(), hostileValue),
            mode: fc.constantFrom('automatic', 'approve', 'x'),
            minIntervalDays: fc.oneof(fc.integer({ min: -5, max: 400 }), hostileValue),
            minimums: fc.oneof(fc.dictionary(fc.constantFrom('USD', 'EUR', 'usd', 'X'), fc.integer({ min: -10, max: 100_000 })), hostileValue),
            levels: fc.array(
              fc.record({
                days: fc.integer({ min: -1, max: 1000 }),
                channel: fc.constantFrom('email', 'call', 'letter', 'fax'),
                name: hostileText,
                subject: fc.oneof(hostileText, fc.constant('Hi {{customer}}'), fc.constant('{{nope}}')),
                body: fc.oneof(hostileText, fc.constant('{{invoices}}\n{{amount_due}}')),
              }),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  'lib/actions/dunning/decide-reminders.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          { ids: fc.array(ids(), { maxLength: 3 }), all: fc.constantFrom(true, false), decision: fc.constantFrom('approve', 'cancel', 'x') },
          { requiredKeys: [] },
        ),
      ),
    ),
  'lib/actions/settings/update-company-profile.ts': () =>
    fc.tuple(
      fc
        .record({
          remitTo: hostileText,
          downloadLimit: hostileText,
          generateLimit: amountText,
          logoAction: fc.constantFrom('keep', 'remove', 'replace', ''),
        })
        .map((f) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(f)) form.set(k, v);
          return form;
        }),
    ),
  'lib/actions/statements/email-statement.ts': () => fc.tuple(anyOf(idText(pools.statements))),
  'lib/actions/statements/generate-statements.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            mode: fc.constantFrom('open', 'past_due', 'threshold', 'x'),
            threshold: amountText,
            customerIds: fc.array(ids(), { maxLength: 2 }),
            asOf: dateText,
            skipRecent: hostileText,
          },
          { requiredKeys: ['mode'] },
        ),
      ),
    ),
  'lib/actions/statements/preview-statements.ts': () =>
    fc.tuple(
      anyOf(
        fc.record(
          {
            mode: fc.constantFrom('open', 'past_due', 'threshold', 'x'),
            threshold: amountText,
            locations: fc.array(hostileText, { maxLength: 2 }),
            asOf: dateText,
          },
          { requiredKeys: ['mode'] },
        ),
      ),
    ),
  'lib/actions/tokens/create-api-token.ts': () => fc.tuple(anyOf(hostileText)),
  'lib/actions/tokens/revoke-api-token.ts': () => fc.tuple(anyOf(ids())),
};

const list = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? list(full) : full.endsWith('.ts') ? [full.split(path.sep).join('/')] : [];
  });

describe('fuzz: server actions answer a typed result, never INTERNAL, and a refused call writes nothing', () => {
  beforeAll(async () => {
    company = await createCompany({ locations: 2 });
    adminId = (await createMember(company, 'admin')).id;
    const admin = await access(adminId, company.slug);
    const loc = company.locations[0]!.id;
    const customers = await createCustomers(company.id, [
      { name: 'Fuzz One', defaultLocationId: loc, email: 'ap@fuzz.example' },
      { name: 'Fuzz Two', defaultLocationId: loc },
    ]);
    const invoices = await createInvoices(
      company.id,
      customers.map((c) => ({ customerId: c.id, locationId: loc, invoiceDate: '2026-01-05', dueDate: '2026-02-04', amount: 90_000 })),
    );
    const payment = await recordPayment(admin, { customerId: customers[0]!.id, amount: '50.00', receivedOn: '2026-01-10', reference: 'FUZZ-ACCT' });
    const run = await generateStatements(admin, { mode: 'open', asOf: '2026-03-01' });
    const statements = await prisma.invoiceStatement.findMany({ where: { companyId: company.id, batchId: run.batchId }, select: { id: true } });
    pools = {
      customers: customers.map((c) => c.id),
      invoices,
      payments: [payment.paymentId],
      locations: company.locations.map((l) => l.id),
      statements: statements.map((st) => st.id),
    };
  });

  it('every action on disk has generated inputs', () => {
    expect(list('lib/actions').sort()).toEqual(Object.keys(INPUTS).sort());
  });

  for (const [file, inputs] of Object.entries(INPUTS)) {
    if (!(typeof inputs === 'function')) continue;
    it(file, { timeout: 180_000 }, async () => {
      const mod = (await import(`@/${file.replace(/\.ts$/, '')}`)) as Record<string, Action>;
      const action = Object.values(mod).find((v) => typeof v === 'function')!;
      await fc.assert(
        fc.asyncProperty(inputs(), async (args) => {
          const before = await rowCounts(company.id);
          const { result } = await runServerAction(adminId, () => action(company.slug, ...args));
          expect(typeof result?.ok, 'a typed result').toBe('boolean');
          if (result.ok) return;
          expect(REFUSALS, `${result.code}: ${result.message}`).toContain(result.code);
          expect(await rowCounts(company.id)).toEqual(before);
        }),
        fuzzOptions,
      );
      // Fuzzed writes must not leave half-made ledgers behind either: every balance still adds up (a void invoice, and one archived after voiding, owes nothing).
      const broken = await prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM invoices i WHERE i.company_id = ${company.id}::uuid AND i.status NOT IN ('void', 'archived') AND i.balance_minor <> i.amount_minor
          - coalesce((SELECT sum(a.amount_minor) FROM applications a WHERE a.company_id = i.company_id AND a.invoice_id = i.id), 0)
          - coalesce((SELECT sum(w.amount_minor) FROM write_offs w WHERE w.company_id = i.company_id AND w.invoice_id = i.id), 0)`;
      expect(Number(broken[0]!.n)).toBe(0);
    });
  }
});
