import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { agingTable, customerLinks, dataRows, parseMoney, signIn, summary } from './helpers';

test.describe('AR aging detail', () => {
  test("a bucket's amount opens its invoices, which add up to it, most days overdue first", async ({ page }) => {
    await signIn(page, 'admin');
    await expect(agingTable(page)).toBeVisible();
    const cell = summary(page).locator('[data-bucket="days_31_60"]');
    const amount = parseMoney((await cell.textContent()) ?? '');
    await expect(summary(page).locator('[data-share="days_31_60"]')).toHaveText(/^\d+(\.\d)?%$/);
    await cell.getByRole('link').click();
    await expect(page).toHaveURL(/\/accounting\/aging-detail\?bucket=days_31_60/);
    await expect(page.getByRole('heading', { name: 'AR aging detail' })).toBeVisible();
    const status = page.getByRole('status').filter({ hasText: 'open invoice' });
    await expect(status).toContainText('balance');
    expect(parseMoney((await status.locator('.tabular').textContent()) ?? '')).toBe(amount);
    const table = page.getByRole('table', { name: /Open invoices/ });
    const days = (await table.locator('tbody tr td:nth-child(7)').allTextContents()).map(Number);
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => d >= 31 && d <= 60)).toBe(true);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    if (process.env.DOCS_SCREENSHOT === '1')
      await page.screenshot({ path: 'docs/screenshot-aging-detail.png', fullPage: true, animations: 'disabled' });

    await page.getByLabel('Order').selectOption('days');
    await expect(page).toHaveURL(/sort=days/);
    const fewest = (await table.locator('tbody tr td:nth-child(7)').allTextContents()).map(Number);
    expect([...fewest].sort((a, b) => a - b)).toEqual(fewest);
  });

  test("a customer's bucket opens that customer's invoices, and the filter can be cleared", async ({ page }) => {
    await signIn(page, 'admin');
    const row = dataRows(page)
      .filter({ has: page.locator('[data-bucket="days_1_30"] a') })
      .first();
    const name = (await customerLinks(row).textContent())?.trim() ?? '';
    await row.locator('[data-bucket="days_1_30"] a').click();
    await expect(page).toHaveURL(/customer=/);
    const table = page.getByRole('table', { name: /Open invoices/ });
    await expect(table.locator('tbody tr td:nth-child(2)')).not.toHaveCount(0);
    for (const customer of await table.locator('tbody tr td:nth-child(2)').allTextContents()) expect(customer).toBe(name);
    await page.getByRole('button', { name: 'Show every customer' }).click();
    await expect(page).not.toHaveURL(/customer=/);
  });

  test('the summary and the detail download as Excel and PDF', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(agingTable(page)).toBeVisible();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^acme-aging-\d{4}-\d{2}-\d{2}-USD\.pdf$/);
    const pdfBytes = await readFile((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');

    await summary(page).locator('[data-bucket="days_91_plus"]').getByRole('link').click();
    await expect(page).toHaveURL(/aging-detail/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^acme-aging-detail-\d{4}-\d{2}-\d{2}-USD-days_91_plus\.xlsx$/);
    // An .xlsx is a zip archive.
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');
  });
});
