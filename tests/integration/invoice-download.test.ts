// fixtures first: it prepares Next's runtime globals before the server actions load.
import {
  access,
  asUser,
  createCompany,
  createCustomers,
  createInvoiceLines,
  createInvoices,
  createMember,
  setCompanySettings,
  type InvoiceSpec,
  type TestCompany,
  type TestCustomer,
} from '../support/fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { downloadInvoicesAction } from '@/lib/actions/invoices/download-invoices';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { prisma } from '@/lib/db/client';
import { AppError } from '@/lib/errors/app-error';
import { DOWNLOAD_MESSAGES, downloadInvoices } from '@/lib/invoices/download-invoices';
import { pdfText } from '../support/pdf-text';

// Download Invoices on the aging page: every open invoice of the selected customers, one merged PDF, read back
// the way a viewer shows it.

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const open = (customer: TestCustomer, locationId: string, n: number, more: Partial<InvoiceSpec> = {}): InvoiceSpec[] =>
  Array.from({ length: n }, (_, i) => ({
    customerId: customer.id,
    locationId,
    invoiceDate: '2026-05-01',
    dueDate: '2026-05-31',
    amount: 1_000 + i,
    ...more,
  }));

beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('a download of several customers', () => {
  let company: TestCompany;
  let main: string;
  let annex: string;
  let admin: { id: string; acc: CompanyAccess };
  let viewerMain: CompanyAccess;
  let c: Record<'lodz' | 'elka' | 'acme' | 'paid', TestCustomer>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    company = await createCompany({ name: 'Kraków Supply Co', locations: ['Main', 'Annex'] });
    [main, annex] = company.locations.map((l) => l.id) as [string, string];
    const adminUser = await createMember(company, 'admin');
    admin = { id: adminUser.id, acc: await access(adminUser.id, company.slug) };
    viewerMain = await access((await createMember(company, 'member', { view: [main] })).id, company.slug);
    const [lodz, elka, acme, paid] = (await createCustomers(company.id, [
      { name: 'Łódź Sp. z o.o.', addressLine1: 'ul. Piotrkowska 104', city: 'Łódź', postalCode: '90-001', country: 'PL' },
      { name: 'Ёлка ООО', addressLine1: 'ул. Ленина 1', city: 'Москва' },
      { name: 'Acme Ltd' },
      { name: 'Paid Only Co' },
    ])) as [TestCustomer, TestCustomer, TestCustomer, TestCustomer];
    c = { lodz, elka, acme, paid };
    const numbers = ['D-100', 'D-101', 'D-200', 'D-300', 'D-301', 'D-400'];
    const invoiceIds = await createInvoices(company.id, [
      { number: 'D-100', customerId: lodz.id, locationId: main, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 102_000, balance: 52_000 },
      { number: 'D-101', customerId: lodz.id, locationId: annex, invoiceDate: '2026-06-01', dueDate: '2026-07-01', amount: 5_000 },
      { number: 'D-200', customerId: elka.id, locationId: main, invoiceDate: '2026-05-10', dueDate: '2026-06-09', amount: 12_500 },
      {
        number: 'D-300',
        customerId: acme.id,
        locationId: main,
        invoiceDate: '2026-04-01',
        dueDate: '2026-05-01',
        amount: 9_900,
        balance: 0,
        status: 'paid',
      },
      { number: 'D-301', customerId: acme.id, locationId: main, invoiceDate: '2026-04-15', dueDate: '2026-05-15', amount: 7_700 },
      {
        number: 'D-400',
        customerId: paid.id,
        locationId: main,
        invoiceDate: '2026-04-01',
        dueDate: '2026-05-01',
        amount: 3_000,
        balance: 0,
        status: 'paid',
      },
    ]);
    ids = Object.fromEntries(numbers.map((n, i) => [n, invoiceIds[i]!]));
    await createInvoiceLines(company.id, [
      { invoiceId: ids['D-100']!, description: 'Hydraulic pump, 3 kW', quantity: '2', unitPrice: 45_000, lineTotal: 90_000 },
      { invoiceId: ids['D-100']!, description: 'Installation labour', quantity: '1.5', unitPrice: 8_000, lineTotal: 12_000 },
      { invoiceId: ids['D-200']!, description: 'Ёлочные игрушки (набор)', quantity: '10', unitPrice: 1_250, lineTotal: 12_500 },
      { invoiceId: ids['D-301']!, description: 'Widgets, blue', quantity: '7', unitPrice: 1_100, lineTotal: 7_700 },
    ]);
  });

  it('one page per open invoice, customers in name order, each with its lines', async () => {
    const file = await downloadInvoices(admin.acc, { customerIds: [c.lodz.id, c.elka.id, c.acme.id] });
    expect(file.invoiceCount).toBe(4);
    expect(file.filename).toBe(`Kraków Supply Co invoices ${todayInTimeZone('UTC')}.pdf`);
    const text = await pdfText(file.bytes);
    expect(text.pageCount).toBe(4);
    const pages = text.pages.map((p) => p.split('\n'));
    expect(pages.map((lines) => lines.find((l) => /^D-\d{3}$/.test(l)))).toEqual(['D-301', 'D-100', 'D-101', 'D-200']);
    expect(pages[0]).toEqual(expect.arrayContaining(['Acme Ltd', 'Widgets, blue', '7', '$11.00', '$77.00', 'Main']));
    expect(pages[1]).toEqual(
      expect.arrayContaining([
        'Kraków Supply Co',
        'INVOICE',
        'Łódź Sp. z o.o.',
        'ul. Piotrkowska 104',
        'Łódź 90-001',
        'PL',
        'Hydraulic pump, 3 kW',
        '2',
        '$450.00',
        '$900.00',
        'Installation labour',
        '1.5',
        '$80.00',
        '$120.00',
        '$1,020.00',
        '$500.00',
        '$520.00',
        'May 31, 2026',
      ]),
    );
    expect(pages[2]).toEqual(expect.arrayContaining(['Łódź Sp. z o.o.', 'Annex', '$50.00', 'Invoice total']));
    expect(pages[3]).toEqual(expect.arrayContaining(['Ёлка ООО', 'ул. Ленина 1', 'Москва', 'Ёлочные игрушки (набор)', '10', '$12.50', '$125.00']));
    // The paid invoice of the same customer is not in the file.
    expect(text.pages.join('\n')).not.toContain('D-300');
  });

  it('is recorded in the audit log with the invoices it held', async () => {
    await downloadInvoices(admin.acc, { customerIds: [c.elka.id] });
    const logs = await prisma.auditLog.findMany({
      where: { companyId: company.id, action: 'invoices.download', userId: admin.id },
      orderBy: { createdAt: 'asc' },
    });
    const last = logs.at(-1)!;
    expect({ targetType: last.targetType, details: last.details }).toEqual({
      targetType: 'customer',
      details: { customerIds: [c.elka.id], invoiceIds: [ids['D-200']], invoiceCount: 1, locations: [annex, main] },
    });
  });

  it('leaves out invoices in locations the user cannot view', async () => {
    const file = await downloadInvoices(viewerMain, { customerIds: [c.lodz.id, c.elka.id] });
    expect(file.invoiceCount).toBe(2);
    const all = (await pdfText(file.bytes)).pages.join('\n');
    expect(all).toContain('D-100');
    expect(all).toContain('D-200');
    expect(all).not.toContain('D-101');
    expect(all).not.toContain('Annex');
    const error = await rejection(downloadInvoices(viewerMain, { customerIds: [c.lodz.id], locations: [annex] }));
    expect({ code: error.code, message: error.message }).toEqual({ code: 'FORBIDDEN', message: `You may not view invoices in location ${annex}.` });
  });

  it('a location filter narrows the download', async () => {
    const file = await downloadInvoices(admin.acc, { customerIds: [c.lodz.id], locations: [annex] });
    expect(file.invoiceCount).toBe(1);
    expect((await pdfText(file.bytes)).pages[0]).toContain('D-101');
  });

  it.each([
    ['no customers', () => ({ customerIds: [] }), 'No customers selected.'],
    ['only paid invoices', () => ({ customerIds: [c.paid.id] }), 'No open invoices found for the selected customers.'],
    [
      'open invoices only in a location outside the filter',
      () => ({ customerIds: [c.elka.id], locations: [annex] }),
      'No open invoices found for the selected customers.',
    ],
  ])('%s', async (_case, input, message) => {
    const error = await rejection(downloadInvoices(admin.acc, input()));
    expect({ code: error.code, message: error.message }).toEqual({ code: 'BAD_REQUEST', message });
  });

  it('the messages are the ones the page shows', () => {
    expect(DOWNLOAD_MESSAGES.noCustomers).toBe('No customers selected.');
    expect(DOWNLOAD_MESSAGES.noInvoices).toBe('No open invoices found for the selected customers.');
    expect(DOWNLOAD_MESSAGES.tooMany(100)).toBe('You can download at most 100 invoices at a time.');
    expect(DOWNLOAD_MESSAGES.failed).toBe('Download failed.');
  });

  it("another company's customers are not found, alone or mixed with this company's", async () => {
    const other = await createCompany({ locations: ['Main'] });
    const [stranger] = await createCustomers(other.id, ['Stranger Co']);
    await createInvoices(other.id, open(stranger!, other.locations[0]!.id, 2));
    for (const customerIds of [[stranger!.id], [stranger!.id, c.elka.id]]) {
      const error = await rejection(downloadInvoices(admin.acc, { customerIds }));
      expect([error.code, error.message]).toEqual(['NOT_FOUND', 'Customer not found.']);
    }
  });

  it('the server action returns the PDF as base64 for a signed-in user, and the message for an empty selection', async () => {
    const ok = await asUser(admin.id, () => downloadInvoicesAction(company.slug, { customerIds: [c.elka.id], locations: [] }));
    if (!ok.ok) throw new Error(ok.message);
    expect({ filename: ok.data.filename, invoiceCount: ok.data.invoiceCount }).toEqual({
      filename: expect.stringMatching(/^Kraków Supply Co invoices /),
      invoiceCount: 1,
    });
    expect((await pdfText(new Uint8Array(Buffer.from(ok.data.base64, 'base64')))).pages[0]).toContain('Ёлочные игрушки (набор)');
    expect(await asUser(admin.id, () => downloadInvoicesAction(company.slug, { customerIds: [], locations: [] }))).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
      message: 'No customers selected.',
    });
  });
});

describe('the download cap', () => {
  let company: TestCompany;
  let acc: CompanyAccess;
  let big: TestCustomer;
  let small: TestCustomer;
  let six: TestCustomer;

  beforeAll(async () => {
    company = await createCompany();
    acc = await access((await createMember(company, 'admin')).id, company.slug);
    [big, small, six] = (await createCustomers(company.id, ['Big Co', 'Small Co', 'Six Co'])) as [TestCustomer, TestCustomer, TestCustomer];
    const loc = company.locations[0]!.id;
    await createInvoices(company.id, [...open(big, loc, 100), ...open(small, loc, 1), ...open(six, loc, 6)]);
  });

  it('100 open invoices download, 101 are refused with the default limit', async () => {
    const file = await downloadInvoices(acc, { customerIds: [big.id] });
    expect(file.invoiceCount).toBe(100);
    expect((await pdfText(file.bytes)).pageCount).toBe(100);
    const error = await rejection(downloadInvoices(acc, { customerIds: [big.id, small.id] }));
    expect({ code: error.code, message: error.message }).toEqual({
      code: 'BAD_REQUEST',
      message: 'You can download at most 100 invoices at a time.',
    });
  });

  it('the company setting sets the limit: 5 allows five, refuses six', async () => {
    await setCompanySettings(company.id, { 'accounting.invoices.bulk_download_limit': 5 });
    const error = await rejection(downloadInvoices(acc, { customerIds: [six.id] }));
    expect(error.message).toBe('You can download at most 5 invoices at a time.');
    expect((await rejection(downloadInvoices(acc, { customerIds: [small.id, big.id] }))).message).toBe(
      'You can download at most 5 invoices at a time.',
    );
    await prisma.invoice.updateMany({
      where: { companyId: company.id, customerId: six.id, amountMinor: 1_005 },
      data: { balanceMinor: 0, status: 'paid' },
    });
    const five = await downloadInvoices(acc, { customerIds: [six.id] });
    expect({ count: five.invoiceCount, pages: (await pdfText(five.bytes)).pageCount }).toEqual({ count: 5, pages: 5 });
  });
});

describe('a download that cannot be rendered', () => {
  it('answers "Download failed." and writes no audit entry', async () => {
    // A line priced above 2^53 minor units is a valid bigint in the database but no exact JavaScript number:
    // the renderer refuses to print a wrong amount.
    const company = await createCompany();
    const user = await createMember(company, 'admin');
    const acc = await access(user.id, company.slug);
    const [customer] = await createCustomers(company.id, ['Huge Order Co']);
    const [invoiceId] = await createInvoices(company.id, open(customer!, company.locations[0]!.id, 1));
    await createInvoiceLines(company.id, [
      { invoiceId: invoiceId!, description: 'Aircraft carrier', unitPrice: 9_007_199_254_740_993, lineTotal: 9_007_199_254_740_993 },
    ]);
    const error = await rejection(downloadInvoices(acc, { customerIds: [customer!.id] }));
    expect({ code: error.code, message: error.message }).toEqual({ code: 'INTERNAL', message: 'Download failed.' });
    expect(await asUser(user.id, () => downloadInvoicesAction(company.slug, { customerIds: [customer!.id], locations: [] }))).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: 'Download failed.',
    });
    expect(await prisma.auditLog.count({ where: { companyId: company.id, action: 'invoices.download' } })).toBe(0);
  });
});
