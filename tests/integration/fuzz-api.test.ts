// Fuzzes the JSON API's write bodies (defect 7: bad input reached the database as a 500). Every route is driven
// in-process with hostile, mostly valid-looking bodies; each answer must be < 500 with the documented shape, and
// a refused (4xx) write must leave every ledger table of the company as it was. Seed: FUZZ_SEED (see support/fuzz).
import { access, createCompany, createCustomers, createInvoices, createMember, createTokenFor, type TestCompany } from '../support/fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { POST as customersPOST } from '@/app/api/v1/companies/[company]/customers/route';
import { PATCH as customerPATCH } from '@/app/api/v1/companies/[company]/customers/[id]/route';
import { POST as invoicesPOST } from '@/app/api/v1/companies/[company]/invoices/route';
import { POST as writeOffPOST } from '@/app/api/v1/companies/[company]/invoices/[id]/write-offs/route';
import { POST as paymentsPOST } from '@/app/api/v1/companies/[company]/payments/route';
import { POST as paymentApplyPOST } from '@/app/api/v1/companies/[company]/payments/[id]/applications/route';
import { POST as creditNotesPOST } from '@/app/api/v1/companies/[company]/credit-notes/route';
import { POST as creditApplyPOST } from '@/app/api/v1/companies/[company]/credit-notes/[id]/applications/route';
import { recordCreditNote } from '@/lib/ledger/record-credit-note';
import { recordPayment } from '@/lib/ledger/record-payment';
import {
  amountText,
  bodyOf,
  checkAnswer,
  dateText,
  fuzzOptions,
  idText,
  mutatedObject,
  pathPart,
  idempotencyKey,
  printTallies,
  rowCounts,
  send,
  validAmount,
  validDate,
  type Answer,
  type Auth,
} from '../support/fuzz';

let company: TestCompany;
let tokens: string[];
const pools = {
  customers: [] as string[],
  invoices: [] as string[],
  numbers: [] as string[],
  writeOffs: [] as string[],
  payments: [] as string[],
  credits: [] as string[],
  locations: [] as string[],
};

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const [north, south] = company.locations.map((l) => l.id) as [string, string];
  pools.locations = [north, south];
  const admin = await createMember(company, 'admin');
  const collector = await createMember(company, 'member', { view: [north, south], modify: [north] });
  tokens = [(await createTokenFor(company.id, admin.id)).secret, (await createTokenFor(company.id, collector.id)).secret];
  const customers = await createCustomers(company.id, [
    { name: 'Harbour Ltd', defaultLocationId: north },
    { name: 'Ångström & Søn', defaultLocationId: north },
    { name: 'South Co', defaultLocationId: south },
  ]);
  pools.customers = customers.map((c) => c.id);
  const specs = customers.flatMap((c, i) =>
    [0, 1, 2].map((k) => ({
      customerId: c.id,
      locationId: i === 2 ? south : north,
      invoiceDate: '2025-01-10',
      dueDate: '2025-02-09',
      amount: 100_000_000,
      number: `FZ-${company.slug}-${i}-${k}`,
      currency: k === 2 ? 'JPY' : 'USD',
      status: (k === 1 ? 'draft' : 'open') as 'draft' | 'open',
    })),
  );
  pools.invoices = await createInvoices(company.id, specs);
  // Write-offs get invoices of their own: writing off all of one would leave payments nothing to pay.
  pools.writeOffs = await createInvoices(
    company.id,
    specs.map((s) => ({ ...s, number: `${s.number}-W` })),
  );
  pools.numbers = specs.map((s) => s.number);
  const adminAccess = await access(admin.id, company.slug);
  for (const [i, customerId] of pools.customers.slice(0, 2).entries()) {
    pools.payments.push(
      (await recordPayment(adminAccess, { customerId, amount: '900000.00', receivedOn: '2020-12-31', reference: `FZ-PAY-${i}` })).paymentId,
    );
    pools.credits.push(
      (await recordCreditNote(adminAccess, { customerId, amount: '900000.00', issuedOn: '2020-12-31', reason: 'Fuzz credit' })).creditNoteId,
    );
  }
});

afterAll(printTallies);

const base = () => `/api/v1/companies/${company.slug}`;
const one = (...values: string[]) => fc.constantFrom(...values);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const currency = fc.constantFrom(undefined, 'USD');
const currencyVariants = fc.constantFrom('JPY', 'EUR', 'usd', 'US', 'KWD', '');
const quantities = fc.constantFrom('0', '0.000', '-1', '1e3', '999999999.999', '1.2345', '', ' 2 ');

const customerFields = () => ({
  name: one('Fuzz Customer', "O'Brien & Co", 'Ünïcødé GmbH', '株式会社テスト'),
  email: fc.constantFrom(null, 'ap@example.test'),
  addressLine1: one('1 Quay Street'),
  city: one('Leeds', 'São Paulo'),
  postalCode: one('LS1 4AP', '12345'),
  country: fc.constantFrom('GB', undefined),
  defaultLocationId: fc.constantFrom(...pools.locations),
});
const customerVariants = () => ({
  email: one('bad', 'a@b', 'x@y.z\u0000'),
  country: one('us', 'XX', 'GBR'),
  defaultLocationId: idText(pools.locations),
});

interface Req {
  id?: string;
  body: unknown;
  /** 0: an admin's token; 1: a collector's, who may modify North only. */
  as: number;
  /** An Idempotency-Key header, on one request in four. */
  key?: string;
}
const req = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc
    .record({
      r: arb,
      as: fc.constantFrom(0, 0, 0, 1),
      key: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: idempotencyKey }),
    })
    .map(({ r, as, key }) => ({ ...r, as, key }));

/** One property per surface: each case sends one request and checks its answer against the row counts before it. */
async function fuzzWrites<R extends Req>(surface: string, request: fc.Arbitrary<R>, call: (r: R, auth: Auth) => Promise<Answer>) {
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const before = await rowCounts(company.id);
      await checkAnswer(surface, await call(r, { token: tokens[r.as]!, idempotencyKey: r.key }), company.id, before);
    }),
    fuzzOptions,
  );
}

describe('fuzz: JSON API write bodies never answer 5xx nor write part of a refused request', () => {
  it('POST customers', { timeout: 180_000 }, async () => {
    await fuzzWrites('POST customers', req(bodyOf(customerFields(), customerVariants()).map((body) => ({ body }))), (r, t) =>
      send(customersPOST, 'POST', `${base()}/customers`, { company: company.slug }, t, r.body),
    );
  });

  it('PATCH customers/{id}', { timeout: 180_000 }, async () => {
    const fields = Object.fromEntries(Object.entries(customerFields()).map(([k, v]) => [k, opt(v)]));
    await fuzzWrites('PATCH customers/{id}', req(fc.record({ id: idText(pools.customers), body: bodyOf(fields, customerVariants()) })), (r, t) =>
      send(customerPATCH, 'PATCH', `${base()}/customers/${pathPart(r.id)}`, { company: company.slug, id: r.id }, t, r.body),
    );
  });

  it('POST invoices', { timeout: 180_000 }, async () => {
    const line = mutatedObject(
      { description: one('Panel', 'Labor hours'), quantity: one('1', '2', '1.5', '0.001', '0'), unitPrice: validAmount },
      { quantity: quantities, unitPrice: amountText },
    );
    const fields = {
      number: fc.integer({ min: 1, max: 1e9 }).map((n) => `FZN-${n}`),
      customerId: one(...pools.customers),
      locationId: one(...pools.locations),
      invoiceDate: validDate,
      dueDate: one('2026-12-31', '2027-01-31'),
      currency,
      amount: fc.constant(undefined),
      lines: fc.array(line, { minLength: 1, maxLength: 4 }),
      post: fc.boolean(),
    };
    const variants = {
      number: fc.oneof(one(...pools.numbers), one('', ' ', 'n'.repeat(51))),
      customerId: idText(pools.customers),
      locationId: idText(pools.locations),
      invoiceDate: dateText,
      dueDate: dateText,
      currency: currencyVariants,
      amount: amountText,
      post: fc.constantFrom('true', 1, null),
      lines: fc.constantFrom(
        [],
        Array.from({ length: 501 }, () => ({ description: 'x', quantity: '1', unitPrice: '1' })),
        [{ description: 'Big', quantity: '999999999.999', unitPrice: '90071992547409.91' }],
      ),
    };
    await fuzzWrites('POST invoices', req(bodyOf(fields, variants).map((body) => ({ body }))), (r, t) =>
      send(invoicesPOST, 'POST', `${base()}/invoices`, { company: company.slug }, t, r.body),
    );
  });

  it('POST invoices/{id}/write-offs', { timeout: 180_000 }, async () => {
    const fields = {
      amount: validAmount,
      reason: one('bad_debt', 'dispute', 'other'),
      description: one('Rounding', 'Customer insolvent'),
      writtenOffOn: opt(validDate),
    };
    const variants = { amount: amountText, reason: one('BAD_DEBT', '', 'fraud'), writtenOffOn: dateText };
    await fuzzWrites('POST write-offs', req(fc.record({ id: idText(pools.writeOffs), body: bodyOf(fields, variants) })), (r, t) =>
      send(writeOffPOST, 'POST', `${base()}/invoices/${pathPart(r.id)}/write-offs`, { company: company.slug, id: r.id }, t, r.body),
    );
  });

  it('POST payments', { timeout: 180_000 }, async () => {
    const fields = {
      invoiceId: opt(one(...pools.invoices)),
      customerId: one(...pools.customers),
      currency,
      amount: validAmount,
      receivedOn: validDate,
      reference: fc.integer({ min: 1, max: 1e9 }).map((n) => `FZR-${n}`),
      method: fc.constantFrom(undefined, 'check', 'card'),
      note: opt(one('Thanks')),
    };
    const variants = {
      invoiceId: idText(pools.invoices),
      customerId: idText(pools.customers),
      currency: currencyVariants,
      amount: amountText,
      receivedOn: dateText,
      reference: one('FZ-PAY-0', '', ' ', 'r'.repeat(101)),
      method: one('wire', 'CHECK', ''),
    };
    await fuzzWrites('POST payments', req(bodyOf(fields, variants).map((body) => ({ body }))), (r, t) =>
      send(paymentsPOST, 'POST', `${base()}/payments`, { company: company.slug }, t, r.body),
    );
  });

  it('POST payments/{id}/applications and credit-notes/{id}/applications (one schema, one lib function)', { timeout: 180_000 }, async () => {
    // Payment and credit note i belong to customer i, whose open USD invoice is invoices[3 * i].
    const bodyFor = (i: number) =>
      bodyOf(
        {
          allocations: fc.array(
            mutatedObject(
              { invoiceId: one(pools.invoices[3 * i]!), amount: one('0.01', '1.00', '25') },
              { invoiceId: idText(pools.invoices), amount: amountText },
            ),
            { minLength: 1, maxLength: 3 },
          ),
          appliedOn: opt(validDate),
        },
        {
          allocations: fc.constantFrom(
            [],
            Array.from({ length: 501 }, () => ({ invoiceId: pools.invoices[3 * i], amount: '1' })),
          ),
          appliedOn: dateText,
        },
      );
    const request = fc
      .tuple(fc.constantFrom('payments', 'credit-notes'), fc.constantFrom(0, 1))
      .chain(([source, i]) =>
        fc.record({ source: fc.constant(source), id: idText([(source === 'payments' ? pools.payments : pools.credits)[i]!]), body: bodyFor(i) }),
      );
    await fuzzWrites('POST */applications', req(request), (r, t) =>
      send(
        r.source === 'payments' ? paymentApplyPOST : creditApplyPOST,
        'POST',
        `${base()}/${r.source}/${pathPart(r.id)}/applications`,
        { company: company.slug, id: r.id },
        t,
        r.body,
      ),
    );
  });

  it('POST credit-notes', { timeout: 180_000 }, async () => {
    const fields = {
      customerId: one(...pools.customers),
      currency,
      amount: validAmount,
      issuedOn: opt(validDate),
      reason: one('Damaged goods', 'Goodwill'),
    };
    const variants = { customerId: idText(pools.customers), currency: currencyVariants, amount: amountText, issuedOn: dateText };
    await fuzzWrites('POST credit-notes', req(bodyOf(fields, variants).map((body) => ({ body }))), (r, t) =>
      send(creditNotesPOST, 'POST', `${base()}/credit-notes`, { company: company.slug }, t, r.body),
    );
  });
});
