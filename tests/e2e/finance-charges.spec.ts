import { expect, test } from '@playwright/test';
import { parseMoney, signIn, toasts } from './helpers';

// On Globex (GBP): the run adds invoices, and the other suites read Acme's balances as seeded.
test('an admin sets a finance charge, previews the month and creates the invoices once', async ({ page }) => {
  await signIn(page, 'globex', '/globex/settings/aging');
  await page.getByLabel('Charge', { exact: true }).selectOption('rate');
  await page.getByLabel('Rate a month (%)').fill('1.5');
  await page.getByLabel('Minimum (GBP)').fill('5.00');
  await page.getByLabel('Charge balances from').selectOption({ label: 'Period 2 (31-60) and older' });
  await page.getByRole('button', { name: 'Save aging periods' }).click();
  await expect(toasts(page, 'Aging periods saved')).toBeVisible();

  await page.goto('/globex/collections/finance-charges');
  await expect(page.getByText('Globex Alarms: 1.5% a month (at least £5.00) on balances in period 2 and older')).toBeVisible();
  const table = page.getByRole('table', { name: 'Finance charges by customer' });
  await expect(table).toBeVisible();
  // Every charge is the rate of its overdue balance, or the minimum.
  for (const row of await table
    .getByRole('row')
    .filter({ has: page.getByText('To charge', { exact: true }) })
    .all()) {
    const [overdue, charge] = await Promise.all([row.getByRole('cell').nth(2).textContent(), row.getByRole('cell').nth(3).textContent()]);
    const balance = parseMoney(overdue ?? '');
    expect(parseMoney(charge ?? '')).toBe(Math.max(500, Math.floor((balance * 150 + 5_000) / 10_000)));
  }
  if (process.env.DOCS_SCREENSHOT === '1')
    await page.screenshot({ path: 'docs/screenshot-finance-charges.png', fullPage: true, animations: 'disabled' });
  const create = page.getByRole('button', { name: /^Create \d+ invoices? \(£/ });
  const customers = Number(/Create (\d+)/.exec((await create.textContent()) ?? '')?.[1]);
  expect(customers).toBeGreaterThan(0);
  await create.click();
  await expect(toasts(page, new RegExp(`^${customers} finance-charge invoices? created for £`))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create 0 invoices (£0.00)' })).toBeDisabled();
  await expect(table.getByText('Charged this month')).toHaveCount(customers);
});
