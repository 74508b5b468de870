import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import {
  AGING_OLDEST_FIRST,
  AGING_PATH,
  OUTBOX_PATH,
  STATEMENTS_PATH,
  bodyRows,
  bulkActions,
  createdHeading,
  customerIdOf,
  dataRows,
  downloadButton,
  eligibleStatus,
  expectPdf,
  generateButton,
  generateDialog,
  generatePastDue,
  leadingCount,
  listTotal,
  modeRadio,
  openFilters,
  openGenerate,
  selectCustomers,
  selectFreshCustomers,
  signIn,
  statementsTable,
  toasts,
  type PickedCustomer,
  customerLinks,
} from './helpers';

/**
 * The aging page's bulk actions (Download, Generate Statements) and what they lead to: the statements page,
 * emailing a statement, the outbox, and the statements on a customer's page.
 *
 * Tests share one database for the run, so each picks customers that have no statement yet (see
 * selectFreshCustomers) and derives its expectations from what the pages show, not from demo numbers.
 */

async function savedBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  return readFileSync(file);
}

/** "Open invoices (7)" on each customer's page, summed: what a Download of those customers must contain. */
async function openInvoiceCount(page: Page, customers: PickedCustomer[]): Promise<number> {
  let sum = 0;
  for (const c of customers) {
    await page.goto(`/acme/customers/${c.id}/accounting`);
    await expect(page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
    const heading = page.getByRole('heading', { level: 2, name: /^Open invoices \(\d+\+?\)$/ });
    const text = (await heading.textContent()) ?? '';
    expect(text, `${c.name} has no more than 1,000 open invoices`).not.toContain('+');
    sum += Number(/\((\d+)\)/.exec(text)?.[1]);
  }
  return sum;
}

/** The first `count` customers of the aging page as it is (no statement needed), ticked. */
async function selectFirstRows(page: Page, count: number): Promise<PickedCustomer[]> {
  await expect(dataRows(page).first()).toBeVisible();
  const picked: PickedCustomer[] = [];
  for (const row of (await dataRows(page).all()).slice(0, count)) {
    const link = customerLinks(row);
    picked.push({ id: customerIdOf(await link.getAttribute('href')), name: ((await link.textContent()) ?? '').trim() });
    await row.getByRole('checkbox').check();
  }
  await expect(page.getByText(`${count} customer${count === 1 ? '' : 's'} selected`)).toBeVisible();
  return picked;
}

/** Clicks Download and returns the saved file with the invoice count its success toast reports. */
async function download(page: Page): Promise<{ file: Download; bytes: Buffer; invoices: number }> {
  const [file] = await Promise.all([page.waitForEvent('download'), downloadButton(page).click()]);
  const done = toasts(page, /^Downloaded \d+ invoices?$/);
  await expect(done).toHaveAttribute('data-type', 'success');
  const invoices = Number(/(\d+)/.exec((await done.textContent()) ?? '')?.[1]);
  return { file, bytes: await savedBytes(file), invoices };
}

test.describe('Download on the aging page', () => {
  test("the manager downloads one PDF of the selected customers' open invoices", async ({ page }) => {
    await signIn(page, 'manager');
    await expect(page).toHaveURL(AGING_PATH);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));

    // Nothing selected: a message, no file.
    await expect(page.getByText('Select customers for bulk actions')).toBeVisible();
    await downloadButton(page).click();
    const none = toasts(page, 'No customers selected.');
    await expect(none).toHaveAttribute('data-type', 'error');
    await expect(none.locator('[data-title]')).toHaveText('No customers selected.');
    expect(downloads).toHaveLength(0);

    const picked = await selectFirstRows(page, 3);
    await expect(page.getByText('3 customers selected')).toBeVisible();
    const { file, bytes, invoices } = await download(page);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(file.suggestedFilename()).toContain('Acme Security');
    expectPdf(bytes, 'the invoices PDF');
    expect(downloads).toHaveLength(1);
    // The toast counts every open invoice of the three customers, as their own pages list them.
    expect(invoices).toBeGreaterThanOrEqual(3);
    expect(invoices).toBe(await openInvoiceCount(page, picked));
  });
});

test.describe('Generate Statements as the manager', () => {
  test('the dialog is labelled, Escape closes it and focus returns to the button', async ({ page }) => {
    await signIn(page, 'manager');
    const dialog = generateDialog(page);
    // With nobody selected it covers every customer in the locations; Preview counts them and writes nothing.
    await openGenerate(page);
    await expect(dialog.getByText('All customers in these locations')).toBeVisible();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(eligibleStatus(page)).toHaveText(/^[\d,]+ customers? eligible$/);
    expect(leadingCount(await eligibleStatus(page).textContent())).toBeGreaterThan(2);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await selectFirstRows(page, 2);
    await openGenerate(page);
    await expect(dialog).toHaveAccessibleName('Generate Statements');
    await expect(dialog).toHaveAccessibleDescription(/one statement per eligible customer/);
    // Focus starts on the chosen Eligibility Mode, inside the dialog.
    await expect(modeRadio(dialog, 'Open')).toBeChecked();
    await expect(modeRadio(dialog, 'Open')).toBeFocused();
    await expect(dialog.getByText('The 2 selected customers')).toBeVisible();
    await expect(dialog.getByText('All your locations (3)')).toBeVisible();
    for (const name of ['Boston', 'Chicago', 'Denver']) await expect(dialog.getByRole('checkbox', { name })).not.toBeChecked();
    await expect(dialog.getByLabel('Skip Recent')).toHaveValue('1w');
    await expect(dialog.getByRole('checkbox', { name: 'Email each statement to the customer' })).not.toBeChecked();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(generateButton(page)).toBeFocused();
    // The selection survives closing the dialog.
    await expect(page.getByText('2 customers selected')).toBeVisible();
  });

  test('a bad threshold is refused; Past Due creates statements, downloads as one PDF, lists the batch; a rerun skips them', async ({ page }) => {
    await signIn(page, 'manager');
    const picked = await selectFreshCustomers(page, 3);
    const dialog = await openGenerate(page);

    // Threshold with three decimals: a field error, and nothing is created.
    await modeRadio(dialog, 'Threshold').check();
    const threshold = dialog.getByLabel('Threshold Value (USD)');
    await threshold.fill('10.999');
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(threshold).toHaveAttribute('aria-invalid', 'true');
    await expect(threshold).toHaveAccessibleDescription(/decimals/);
    await expect(dialog.getByText('Use at most 2 decimals.')).toBeVisible();
    await expect(threshold).toBeFocused();
    await expect(toasts(page, /decimals/)).toHaveAttribute('data-type', 'error');
    await expect(createdHeading(page)).toHaveCount(0);
    // Preview refuses it the same way.
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(threshold).toHaveAttribute('aria-invalid', 'true');
    await expect(eligibleStatus(page)).not.toContainText('eligible');
    // Editing the field clears its error.
    await threshold.fill('10.99');
    await expect(threshold).not.toHaveAttribute('aria-invalid');

    // Past Due, Skip Recent 1 week: Preview counts the selected customers that qualify.
    await modeRadio(dialog, 'Past Due').check();
    await expect(threshold).toBeHidden();
    await dialog.getByLabel('Skip Recent').selectOption({ label: '1 week' });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(eligibleStatus(page)).toHaveText(/^[\d,]+ customers? eligible$/);
    const eligible = leadingCount(await eligibleStatus(page).textContent());
    expect(eligible).toBeGreaterThan(0);
    expect(eligible).toBeLessThanOrEqual(picked.length);
    // The threshold attempt created nothing: had it, Skip Recent would leave these customers out now.
    expect(eligible).toBe(picked.length);

    const { created, batchId } = await generatePastDue(page);
    expect(created).toBe(eligible);
    await expect(createdHeading(page)).toHaveText(`${created} statement${created === 1 ? '' : 's'} created`);
    await expect(createdHeading(page)).toBeFocused();
    await expect(dialog.getByText('Each statement is saved on its customer.')).toBeVisible();
    await expect(dialog.getByRole('heading', { name: /^Failures/ })).toHaveCount(0);
    await expect(dialog.getByText(/batch cap/)).toHaveCount(0);
    await expect(toasts(page, `${created} statement${created === 1 ? '' : 's'} created`)).toHaveAttribute('data-type', 'success');
    // The header close icon gives way to the footer's Close.
    await expect(dialog.getByRole('button', { name: 'Close' })).toHaveCount(1);

    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Download as PDF' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^Acme Security statements \d{4}-\d{2}-\d{2}\.pdf$/);
    expectPdf(await savedBytes(file), 'the batch PDF');

    await dialog.getByRole('link', { name: 'View statements' }).click();
    await expect(page).toHaveURL(`${STATEMENTS_PATH}?batchId=${batchId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Statements' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(`Batch ${batchId.slice(0, 8)}…`);
    const rows = bodyRows(statementsTable(page));
    await expect(rows).toHaveCount(created);
    expect(await listTotal(page)).toBe(created);
    const listed = await rows.locator('a[href*="/customers/"]').allTextContents();
    expect(listed.map((n) => n.trim()).sort()).toEqual(picked.map((c) => c.name).sort());
    for (const row of await rows.all()) {
      await expect(row).toContainText('Morgan Manager');
      await expect(row.getByRole('link', { name: /^Download PDF of the statement for / })).toHaveAttribute(
        'href',
        /\/statements\/[0-9a-f-]{36}\/pdf$/,
      );
    }

    // Clearing the batch chip lists every statement; the Customer search narrows them by name.
    await page.getByRole('link', { name: 'Clear the batch filter' }).click();
    await expect(page).toHaveURL(STATEMENTS_PATH);
    await expect(page.getByRole('group', { name: 'Active filters' })).toHaveCount(0);
    expect(await listTotal(page)).toBeGreaterThanOrEqual(created);
    const filters = page.getByRole('search', { name: 'Filter statements' });
    const name = picked[0]!.name;
    await filters.getByRole('searchbox', { name: 'Customer' }).fill(name);
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(rows.first()).toBeVisible();
    // The search matches names case-insensitively.
    for (const customer of await rows.locator('a[href*="/customers/"]').allTextContents())
      expect(customer.toLowerCase()).toContain(name.toLowerCase());
    await expect(rows.locator(`a[href$="/customers/${picked[0]!.id}/accounting"]`)).toHaveCount(1);
    await filters.getByRole('link', { name: 'Clear' }).click();
    await expect(page).toHaveURL(STATEMENTS_PATH);
    await expect(filters.getByRole('searchbox', { name: 'Customer' })).toHaveValue('');

    // The same criteria again: Skip Recent leaves out everyone who just got a statement.
    await page.goto(AGING_OLDEST_FIRST);
    await selectCustomers(page, picked);
    await openGenerate(page);
    await modeRadio(dialog, 'Past Due').check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(eligibleStatus(page)).toHaveText('0 customers eligible');
    const rerun = await generatePastDue(page);
    expect(rerun.created).toBe(0);
    expect(rerun.batchId).not.toBe(batchId);
    await expect(createdHeading(page)).toHaveText('0 statements created');
    await expect(dialog.getByText('No customer matched these criteria.')).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'Download as PDF' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(generateButton(page)).toBeFocused();
  });

  test('Email on the statements page queues the statement in the outbox, with its PDF attached', async ({ page }) => {
    await signIn(page, 'manager');
    // A customer with an email address (a few demo customers have none).
    const [picked] = await selectFreshCustomers(page, 1, AGING_OLDEST_FIRST, { withEmail: true });
    const customer = picked!.name;
    await openGenerate(page);
    const { created, batchId } = await generatePastDue(page);
    expect(created).toBe(1);
    await page.goto(`${STATEMENTS_PATH}?batchId=${batchId}`);
    await expect(page.getByText(/Each can be downloaded again or emailed\./)).toBeVisible();

    const statement = bodyRows(statementsTable(page));
    await expect(statement).toHaveCount(1);
    await expect(statement.getByRole('link', { name: customer, exact: true })).toBeVisible();
    await expect(statement.getByText('Not emailed')).toBeAttached();
    await statement.getByRole('button', { name: `Email statement to ${customer}` }).click();
    const ok = toasts(page, /^Statement queued for \S+@\S+$/);
    await expect(ok).toHaveAttribute('data-type', 'success');
    const to = ((await ok.textContent()) ?? '').replace('Statement queued for', '').trim();
    // The row's Email column follows.
    await expect(statement.locator('[data-status]')).toHaveText('Queued');

    await page.getByRole('link', { name: 'Outbox', exact: true }).click();
    await expect(page).toHaveURL(OUTBOX_PATH);
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    // Without SMTP_URL (as in these tests) nothing is sent, and the page says so.
    await expect(page.getByRole('note')).toHaveText(
      'Email delivery is not configured (SMTP_URL). Queued emails are kept here; nothing has been sent.',
    );
    const outbox = page.getByRole('table', { name: 'Emails in the outbox, newest first' });
    // Newest first: the first row to this customer is the one just queued.
    const row = bodyRows(outbox).filter({ hasText: to }).filter({ hasText: customer }).first();
    await expect(row.locator('[data-status]')).toHaveText('Queued');
    await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'queued');
    await expect(row).toContainText(/Statement from Acme Security as of/);
    await expect(row.locator('td').nth(5)).toHaveText('0');
    // The message itself opens in place.
    const message = row.getByLabel(`Message to ${to}`);
    await expect(message).toBeHidden();
    await row.getByText('View message').click();
    await expect(message).toBeVisible();
    await expect(message).toContainText(`Dear ${customer},`);
    await expect(message).toContainText(/Total due: \$[\d,]+\.\d{2}\./);

    const attachment = row.getByRole('link', { name: `Statement PDF for ${customer}` });
    const href = await attachment.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/companies\/acme\/statements\/[0-9a-f-]{36}\/pdf$/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"/);
    expectPdf(await response.body(), 'the attachment');

    // The Queued tab keeps it; the Sent tab does not have it.
    const tabs = page.getByRole('navigation', { name: 'Filter by status' });
    await tabs.getByRole('link', { name: 'Queued' }).click();
    await expect(page).toHaveURL(`${OUTBOX_PATH}?status=queued`);
    await expect(tabs.getByRole('link', { name: 'Queued' })).toHaveAttribute('aria-current', 'page');
    await expect(bodyRows(outbox).filter({ hasText: to }).first()).toBeVisible();
    await tabs.getByRole('link', { name: 'Sent' }).click();
    await expect(page).toHaveURL(`${OUTBOX_PATH}?status=sent`);
    await expect(page.getByText('No sent emails')).toBeVisible();
  });

  test("the customer page lists the customer's statements once one is generated", async ({ page }) => {
    await signIn(page, 'manager');
    const [customer] = await selectFreshCustomers(page, 1);
    const customerPage = `/acme/customers/${customer!.id}/accounting`;
    await page.goto(customerPage);
    const section = page.getByRole('region', { name: /^Statements \(\d+\)$/ });
    await expect(section).toHaveAccessibleName('Statements (0)');
    await expect(section).toContainText('No statements yet.');

    await page.goto(AGING_OLDEST_FIRST);
    await selectCustomers(page, [customer!]);
    await openGenerate(page);
    const { created } = await generatePastDue(page);
    expect(created).toBe(1);
    await generateDialog(page).getByRole('button', { name: 'Close' }).click();

    await dataRows(page).getByRole('link', { name: customer!.name, exact: true }).click();
    await expect(page).toHaveURL(customerPage);
    await expect(section).toHaveAccessibleName('Statements (1)');
    const table = section.getByRole('table', { name: `Statements for ${customer!.name}, newest first` });
    const rows = bodyRows(table);
    await expect(rows).toHaveCount(1);
    const asOf = /as of (\d{4}-\d{2}-\d{2})/.exec((await page.getByText(/^Accounting · as of/).textContent()) ?? '')?.[1];
    expect(asOf).toBeTruthy();
    await expect(rows.first()).toContainText('Morgan Manager');
    // No customer column on the customer's own page; the statement is as of today.
    await expect(table.getByRole('columnheader', { name: 'Customer' })).toHaveCount(0);
    await expect(table.getByRole('columnheader', { name: 'As of' })).toBeVisible();
    await expect(rows.first().getByRole('button', { name: `Email statement to ${customer!.name}` })).toBeVisible();
    const pdf = rows.first().getByRole('link', { name: new RegExp(`^Download PDF of the statement for ${escapeRegExp(customer!.name)}, as of `) });
    const response = await page.request.get((await pdf.getAttribute('href'))!);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expectPdf(await response.body(), 'the statement PDF');

    await section.getByRole('link', { name: `View all statements for ${customer!.name}` }).click();
    await expect(page).toHaveURL(`${STATEMENTS_PATH}?customerId=${customer!.id}`);
    await expect(page.getByRole('group', { name: 'Active filters' })).toContainText(`Customer: ${customer!.name}`);
    await expect(bodyRows(statementsTable(page))).toHaveCount(1);
  });
});

test.describe('the collector (view only on Boston and Chicago)', () => {
  test('has no Generate Statements and no Email, but can download', async ({ page, browser }) => {
    // A statement the collector may see: the manager generates one from Boston alone.
    const manager = await browser.newContext();
    try {
      const mp = await manager.newPage();
      await signIn(mp, 'manager');
      const filters = await openFilters(mp);
      await filters.getByRole('checkbox', { name: 'Boston' }).check();
      await filters.getByRole('button', { name: 'Submit' }).click();
      await expect(mp.getByText(/· Boston$/)).toBeVisible();
      const bostonUrl = new URL(mp.url());
      bostonUrl.searchParams.set('sort', '-days_91_plus');
      const [customer] = await selectFreshCustomers(mp, 1, `${bostonUrl.pathname}${bostonUrl.search}`);
      const dialog = await openGenerate(mp);
      // The page's location filter carries over to the dialog's location chips.
      await expect(dialog.getByRole('checkbox', { name: 'Boston' })).toBeChecked();
      await expect(dialog.getByRole('checkbox', { name: 'Chicago' })).not.toBeChecked();
      await expect(dialog.getByRole('checkbox', { name: 'Denver' })).not.toBeChecked();
      await expect(dialog.getByText('1 of 3 locations')).toBeVisible();
      expect((await generatePastDue(mp)).created).toBe(1);

      await signIn(page, 'collector');
      await expect(bulkActions(page)).toBeVisible();
      await expect(downloadButton(page)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Generate Statements' })).toHaveCount(0);

      // Download still works.
      await selectFirstRows(page, 2);
      const { file, bytes, invoices } = await download(page);
      expect(file.suggestedFilename()).toMatch(/^Acme Security invoices \d{4}-\d{2}-\d{2}\.pdf$/);
      expectPdf(bytes, 'the invoices PDF');
      expect(invoices).toBeGreaterThan(0);

      await page.getByRole('link', { name: 'Statements', exact: true }).click();
      await expect(page).toHaveURL(STATEMENTS_PATH);
      await expect(page.getByText(/Each can be downloaded again\./)).toBeVisible();
      await expect(page.getByText(/or emailed/)).toHaveCount(0);
      expect(await listTotal(page)).toBeGreaterThan(0);
      const table = statementsTable(page);
      await expect(table.getByRole('link', { name: customer!.name, exact: true }).first()).toBeVisible();
      await expect(table.getByRole('link', { name: /^Download PDF of the statement for / }).first()).toBeVisible();
      await expect(page.getByRole('button', { name: /^Email/ })).toHaveCount(0);
      // Its PDF downloads for the collector too.
      const pdf = table.getByRole('link', { name: new RegExp(`^Download PDF of the statement for ${escapeRegExp(customer!.name)}`) }).first();
      const response = await page.request.get((await pdf.getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expectPdf(await response.body(), 'the statement PDF');

      // Nor on the customer's own page.
      await table.getByRole('link', { name: customer!.name, exact: true }).first().click();
      await expect(page.getByRole('region', { name: /^Statements \([1-9]\d*\)$/ })).toBeVisible();
      await expect(page.getByRole('button', { name: /^Email/ })).toHaveCount(0);
    } finally {
      await manager.close();
    }
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('screen readers', () => {
  test('the location chips are a group named "Locations"', async ({ page }) => {
    await signIn(page, 'manager');
    await selectFirstRows(page, 1);
    const dialog = await openGenerate(page);
    const group = dialog.getByRole('group', { name: 'Locations' });
    await expect(group.getByRole('checkbox')).toHaveCount(3);
    await expect(group).toHaveAccessibleDescription(/All your locations \(3\)/);
  });
});
