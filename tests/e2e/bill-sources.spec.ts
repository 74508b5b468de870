import { expect, test } from '@playwright/test';
import { agingTable, customerLinks, dataRows, openFilters, signIn, summary, summaryTotal, toasts } from './helpers';

test.describe('bill sources', () => {
  test('an admin adds a bill source, and a bad cycle is named at its field', async ({ page }) => {
    await signIn(page, 'admin', '/acme/settings/bill-sources');
    await expect(page.getByRole('table', { name: 'Bill sources' }).getByRole('row', { name: /Monitoring Monthly Its own/ })).toBeVisible();
    const add = page.getByRole('region', { name: 'Add a bill source' });
    const name = `Repairs ${Date.now()}`;
    await add.getByLabel('Name').fill(name);
    await add.getByLabel('Billed').selectOption('every_n_days');
    await add.getByLabel('Days').fill('0');
    await add.getByRole('button', { name: 'Add bill source' }).click();
    await expect(add.getByLabel('Days')).toHaveAttribute('aria-invalid', 'true');
    await expect(add.getByLabel('Days')).toHaveAccessibleDescription('Days must be at least 1');
    await add.getByLabel('Days').fill('14');
    await add.getByRole('button', { name: 'Add bill source' }).click();
    await expect(toasts(page, `${name} added`)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`${name} Every 14 days The company's`) })).toBeVisible();
  });

  test('the aging page shows one bill source by its own periods, and the settings describe them', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(agingTable(page)).toBeVisible();
    const all = await summaryTotal(page);
    const dialog = await openFilters(page);
    await dialog.getByLabel('Bill source').selectOption({ label: 'Monitoring' });
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await expect(page).toHaveURL(/billSource=/);
    await expect(page.getByText(/· Monitoring only/)).toBeVisible();
    const headers = agingTable(page).getByRole('columnheader');
    await expect(headers.filter({ hasText: /^1 cycle/ })).toHaveCount(1);
    await expect(headers.filter({ hasText: /^4\+ cycles/ })).toHaveCount(1);
    await expect(summary(page)).toBeVisible();
    const monitoring = await summaryTotal(page);
    expect(monitoring).toBeGreaterThan(0);
    expect(monitoring).toBeLessThan(all);

    await page.goto('/acme/settings/aging');
    await page.getByLabel('Periods of').selectOption({ label: 'Bill source: Monitoring' });
    await expect(page).toHaveURL(/source=/);
    await expect(page.getByLabel('Age by')).toHaveValue('billing_periods');
    await expect(page.getByRole('region', { name: "The aging page's columns" }).getByRole('listitem')).toHaveText([
      /^Pending dated after the as-of date/,
      /^Current not yet due/,
      /^1 cycle up to 1 month past due/,
      /^2 cycles up to 2 months past due/,
      /^3 cycles up to 3 months past due/,
      /^4\+ cycles more than 3 months past due/,
    ]);
    if (process.env.DOCS_SCREENSHOT === '1')
      await page.screenshot({ path: 'docs/screenshot-bill-source-periods.png', fullPage: true, animations: 'disabled' });
  });

  test("a customer's payment terms are set on the customer page", async ({ page }) => {
    await signIn(page, 'admin');
    await customerLinks(dataRows(page).first()).click();
    await expect(page).toHaveURL(/\/customers\/.+\/accounting/);
    const form = page.getByRole('form', { name: 'Payment terms' });
    await form.getByLabel('Payment terms').selectOption('net');
    await form.getByLabel('Days').fill('400');
    await form.getByRole('button', { name: 'Save terms' }).click();
    await expect(form.getByLabel('Days')).toHaveAccessibleDescription('Days must be at most 365');
    await form.getByLabel('Days').fill('45');
    await form.getByRole('button', { name: 'Save terms' }).click();
    await expect(toasts(page, 'Payment terms: Net 45')).toBeVisible();
    await page.reload();
    await expect(form.getByLabel('Payment terms')).toHaveValue('net');
    await expect(form.getByLabel('Days')).toHaveValue('45');
  });
});
