import { expect, test, type Page } from '@playwright/test';
import { agingTable, dataRows, signIn, customerLinks } from './helpers';

// The receivables ledger as a manager uses it: a payment on an invoice, money on account applied oldest due
// first, and a payments file reviewed then imported (twice: the second time creates nothing).

const unique = () => `E2E-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Opens the first customer of the aging page and, from there, their first open invoice. */
async function openFirstInvoice(page: Page): Promise<{ customer: string; invoice: string }> {
  await signIn(page, 'manager');
  await expect(agingTable(page)).toBeVisible();
  const customerLink = customerLinks(dataRows(page).first());
  const customer = (await customerLink.textContent())!.trim();
  await customerLink.click();
  await expect(page.getByRole('heading', { level: 1, name: customer })).toBeVisible();
  const invoiceLink = page
    .getByRole('region', { name: /Open invoices/ })
    .getByRole('link')
    .first();
  const fallback = page.locator('section[aria-labelledby="open-invoices"]').getByRole('link').first();
  const link = (await invoiceLink.count()) > 0 ? invoiceLink : fallback;
  const invoice = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(invoice) })).toBeVisible();
  return { customer, invoice };
}

test('record a payment on an invoice: the toast, the history row and the balance', async ({ page }) => {
  const { invoice } = await openFirstInvoice(page);
  const reference = unique();
  await page.getByRole('button', { name: 'Record payment' }).first().click();
  const dialog = page.getByRole('dialog', { name: `Record payment on ${invoice}` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Amount/).fill('1.00');
  await dialog.getByLabel('Reference').fill(reference);
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Payment of $1.00 recorded')).toBeVisible();
  const history = page.getByRole('table', { name: `Payment history of ${invoice}, oldest first` });
  await expect(history).toContainText(reference);
  await expect(history).toContainText('$1.00');
  await expect(page.getByText('Partially paid').first()).toBeVisible();
});

test('a bad amount is refused with the field named, nothing recorded', async ({ page }) => {
  await openFirstInvoice(page);
  await page.getByRole('button', { name: 'Record payment' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Amount/).fill('12.345');
  await dialog.getByLabel('Reference').fill(unique());
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog.getByLabel(/^Amount/)).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText(/decimals/);
});

test('money on account: recorded on the customer, listed as unapplied, applied oldest due first', async ({ page }) => {
  await signIn(page, 'manager');
  const customerLink = customerLinks(dataRows(page).first());
  const customer = (await customerLink.textContent())!.trim();
  await customerLink.click();
  const reference = unique();
  await page.getByRole('button', { name: 'Record payment' }).first().click();
  const dialog = page.getByRole('dialog', { name: `Record payment from ${customer}` });
  await dialog.getByLabel(/^Amount/).fill('2.00');
  await dialog.getByLabel('Reference').fill(reference);
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('Payment of $2.00 recorded')).toBeVisible();

  await page.goto('/acme/accounting/payments');
  const apply = page.getByRole('link', { name: `Apply $2.00 payment ${reference} from ${customer}` });
  await expect(apply).toBeVisible();
  await apply.click();
  const submit = page.getByRole('button', { name: 'Apply $2.00' });
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByText(/^Applied \$2\.00 to/)).toBeVisible();
  await expect(page).toHaveURL(/\/acme\/accounting\/payments/);
  await expect(page.getByRole('link', { name: `Apply $2.00 payment ${reference} from ${customer}` })).toHaveCount(0);
});

test('payments file: review names the bad rows, import takes the good one, the same file again creates nothing', async ({ page }) => {
  const { invoice } = await openFirstInvoice(page);
  const good = unique();
  const csv = [
    'invoice,amount,date,reference',
    `${invoice},0.50,2026-01-05,${good}`,
    `NO-SUCH-INVOICE,5,2026-01-05,${unique()}`,
    `${invoice},1e3,2026-01-05,${unique()}`,
  ].join('\n');
  await page.goto('/acme/accounting/payments/import');
  const upload = async () => page.getByLabel('CSV file').setInputFiles({ name: 'payments.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await upload();
  await expect(page.getByText('1 to import · 0 already imported · 2 with problems')).toBeVisible();
  await expect(page.getByText(/"NO-SUCH-INVOICE" is not an invoice of Acme Security/)).toBeVisible();
  await expect(page.getByText(/Amount: "1e3" is not an amount/)).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 payment' }).click();
  await expect(page.getByText('1 payment imported, 2 left out')).toBeVisible();
  await expect(page.getByText('0 to import · 1 already imported · 2 with problems')).toBeVisible();
  await page.reload();
  await upload();
  await expect(page.getByText('0 to import · 1 already imported · 2 with problems')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 0 payments' })).toBeDisabled();
});

test('a collector sees the invoice and its history but no money buttons', async ({ page }) => {
  await signIn(page, 'collector');
  await customerLinks(dataRows(page).first()).click();
  await expect(page.getByRole('button', { name: 'Record payment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add credit note' })).toHaveCount(0);
});

test('a credit note on the customer is listed under Customer credits, ready to apply', async ({ page }) => {
  await signIn(page, 'manager');
  const customerLink = customerLinks(dataRows(page).nth(1));
  const customer = (await customerLink.textContent())!.trim();
  await customerLink.click();
  await page.getByRole('button', { name: 'Add credit note' }).click();
  const dialog = page.getByRole('dialog', { name: `Add credit note for ${customer}` });
  await dialog.getByLabel(/^Amount/).fill('3.00');
  await dialog.getByLabel('Reason').fill(`Goodwill ${unique()}`);
  await dialog.getByRole('button', { name: 'Add credit note' }).click();
  await expect(page.getByText('Credit note of $3.00 recorded')).toBeVisible();
  await page.goto('/acme/accounting/credits');
  await expect(page.getByRole('table', { name: 'Customer credits by customer, oldest first' })).toContainText(customer);
});

test('write off the whole balance: the invoice reads Written off and the history shows the reason', async ({ page }) => {
  const { invoice } = await openFirstInvoice(page);
  await page.getByRole('button', { name: 'Write off' }).click();
  const dialog = page.getByRole('dialog', { name: `Write off ${invoice}` });
  await dialog.getByLabel('Reason').selectOption('dispute');
  await dialog.getByLabel('Description').fill('Disputed in e2e');
  await dialog.getByRole('button', { name: 'Write off' }).click();
  await expect(page.getByText(new RegExp(`^Wrote off \\$[0-9,.]+ of ${invoice}`))).toBeVisible();
  await expect(page.getByText('Written off').first()).toBeVisible();
  await expect(page.getByRole('table', { name: `Payment history of ${invoice}, oldest first` })).toContainText('Disputed in e2e');
});

test('invoices file: review, import, and the same file again creates nothing', async ({ page }) => {
  await signIn(page, 'manager', '/acme/accounting/import-invoices');
  const number = unique();
  const csv = [
    'customer,invoice_number,invoice_date,due_date,location,amount',
    `E2E Imported Co ${number},${number},2026-11-01,2026-12-01,Boston,120.00`,
    `E2E Imported Co ${number},${number}-BAD,2026-11-01,2026-12-01,Atlantis,5.00`,
  ].join('\n');
  const upload = async () => page.getByLabel('CSV file').setInputFiles({ name: 'invoices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await upload();
  await expect(page.getByText('1 to import · 0 already imported · 1 with problems')).toBeVisible();
  await expect(page.getByText(/Location: "Atlantis" is not a location of Acme Security/)).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 invoice' }).click();
  await expect(page.getByText('1 invoice imported')).toBeVisible();
  await expect(page.getByText('0 to import · 1 already imported · 1 with problems')).toBeVisible();
});

test('Export CSV on the aging page downloads every row of the current filters', async ({ page }) => {
  await signIn(page, 'collector');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^acme-aging-\d{4}-\d{2}-\d{2}-USD\.csv$/);
  const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  // The aging columns, then the collections status of each customer (issue 11).
  expect(lines[0]).toBe(
    'Customer,Customer ID,Pending,Current,1-30,31-60,61-90,91+,Unapplied,Net total,Currency,' +
      'Last contact,Last contact kind,Next action,Next action date,Promise,Promised amount,Promise currency,Promised date,Hold,Hold reason',
  );
  const shown = await page.getByRole('navigation', { name: 'Pagination, top' }).textContent();
  const total = Number(/of ([\d,]+) customers/.exec(shown ?? '')?.[1]?.replace(/,/g, ''));
  // A line per customer, then the Total and Share of total rows.
  expect(lines.length - 3).toBe(total);
  expect(lines.slice(-2).map((l) => l.split(',')[0])).toEqual(['Total', 'Share of total']);
});

test("a draft made through the API is listed on its customer's page and posted from the invoice page", async ({ page }) => {
  await signIn(page, 'manager');
  await customerLinks(dataRows(page).first()).click();
  await page.waitForURL(/\/customers\/[0-9a-f-]{36}\/accounting/);
  const customerId = /\/customers\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  const locations = (await (await page.request.get('/api/v1/companies/acme/locations')).json()) as { locations: { id: string; name: string }[] };
  const boston = locations.locations.find((l) => l.name === 'Boston')!;
  const number = unique();
  const created = await page.request.post('/api/v1/companies/acme/invoices', {
    data: { number, customerId, locationId: boston.id, invoiceDate: '2026-11-01', dueDate: '2026-12-01', amount: '75.00' },
  });
  expect(created.status()).toBe(201);
  await page.reload();
  const drafts = page.getByRole('region', { name: /^Drafts/ });
  await drafts.getByRole('link', { name: number }).click();
  await expect(page.getByText('Draft').first()).toBeVisible();
  await page.getByRole('button', { name: 'Post' }).click();
  await page
    .getByRole('dialog', { name: 'Post invoice' })
    .getByRole('button', { name: `Post ${number}` })
    .click();
  await expect(page.getByText(`Invoice ${number} posted`)).toBeVisible();
  await expect(page.getByText('Open', { exact: true }).first()).toBeVisible();
});
