import { expect, test } from '@playwright/test';
import { parseMoney, signIn, summary } from './helpers';

test('an admin lands on the dashboard: totals, health, the forecast with its table, the largest risks', async ({ page }) => {
  await signIn(page, 'admin', '/acme');
  await expect(page).toHaveURL('/acme/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const tile = (label: string) => page.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  const ar = parseMoney((await tile('Total AR').textContent()) ?? '');
  const overdue = parseMoney((await tile('Overdue').textContent()) ?? '');
  expect(ar).toBeGreaterThan(overdue);
  await expect(tile('DSO')).toHaveText(/^\d+ days$/);
  await expect(page.locator('[data-health="days_31_60"]')).toContainText(/threshold under 15\.0%/);
  const forecast = page.getByRole('region', { name: 'Cash forecast, 13 weeks' });
  await forecast.getByText('Table view').click();
  await expect(forecast.getByRole('table', { name: 'Cash forecast by week' }).getByRole('row')).toHaveCount(14);
  await expect(page.getByRole('table', { name: 'The five customers most overdue' }).getByRole('row')).toHaveCount(6);
  if (process.env.DOCS_SCREENSHOT === '1') await page.screenshot({ path: 'docs/screenshot-dashboard.png', fullPage: true, animations: 'disabled' });
});

test('the AR trend shows each week end as the aging page does as of that date', async ({ page }) => {
  await signIn(page, 'admin', '/acme/dashboard');
  const trend = page.getByRole('region', { name: 'AR trend, 13 weeks' });
  // The server builds the weekly snapshots as it starts: wait until every week has its figures.
  await expect(async () => {
    await page.reload();
    await expect(trend).not.toContainText('still being prepared', { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await trend.getByText('Table view').click();
  const rows = trend.getByRole('table', { name: 'AR by aging period at each week end' }).getByRole('row');
  await expect(rows).toHaveCount(14);
  const last = rows.last();
  const weekEnd = (await last.getAttribute('data-week'))!;
  const cells = last.locator('[data-bucket]');
  const keys = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-bucket')!));
  const amounts = (await cells.allTextContents()).map(parseMoney);
  expect(amounts.some((a) => a > 0)).toBe(true);
  await page.goto(`/acme/accounting/aging-invoices?asOf=${weekEnd}`);
  for (const [i, key] of keys.entries()) {
    expect(parseMoney((await summary(page).locator(`[data-bucket="${key}"]`).textContent()) ?? ''), key).toBe(amounts[i]);
  }
});

test('a collector lands on the aging page', async ({ page }) => {
  await signIn(page, 'collector', '/acme');
  await expect(page).toHaveURL('/acme/accounting/aging-invoices');
});
