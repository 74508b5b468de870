import { expect, test } from '@playwright/test';
import { parseMoney, signIn } from './helpers';

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

test('a collector lands on the aging page', async ({ page }) => {
  await signIn(page, 'collector', '/acme');
  await expect(page).toHaveURL('/acme/accounting/aging-invoices');
});
