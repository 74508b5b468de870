import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the invoices list filters by state and number, and pages', async ({ page }) => {
  await signIn(page, 'admin', '/acme/invoices');
  const table = page.getByRole('table', { name: 'Invoices' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'invoices' })).toContainText(/[\d,]+ invoices/);
  if (process.env.DOCS_SCREENSHOT === '1') await page.screenshot({ path: 'docs/screenshot-invoices.png', animations: 'disabled' });
  await page.getByLabel('State').selectOption('paid');
  await expect(page).toHaveURL(/state=paid/);
  const states = await table.locator('tbody [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['paid']));
  const number = ((await table.locator('tbody tr td:first-child a').first().textContent()) ?? '').trim();
  await page.getByLabel('Number').fill(number);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(table.locator('tbody tr td:first-child a')).toHaveText([number]);
});

test('payments received are grouped by day with its total, and export as CSV', async ({ page }) => {
  await signIn(page, 'admin', '/acme/accounting/payments/received');
  const table = page.getByRole('table', { name: /Payments received/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader').first()).toHaveText(/ · \d+ payments?, [A-Z]*\$[\d,]+\.\d\d/);
  if (process.env.DOCS_SCREENSHOT === '1') await page.screenshot({ path: 'docs/screenshot-payments-received.png', animations: 'disabled' });
  await page.getByLabel('Method').selectOption('check');
  await expect(page).toHaveURL(/method=check/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('acme-payments-all.csv');
  const lines = (await readFile((await download.path())!, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('Received on,Customer,Method,Reference,Currency,Amount,Applied,Unapplied');
  expect(lines.slice(1).every((l) => l.includes(',check,'))).toBe(true);
});
