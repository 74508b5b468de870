import { expect, test } from '@playwright/test';
import { AGING_PATH, agingTable, customerLinks, dataRows, signIn, toasts } from './helpers';

test("the customer page shows money on account beside the balance, and generates that customer's statement", async ({ page }) => {
  await signIn(page, 'manager', `${AGING_PATH}?sort=-days_91_plus`);
  await expect(agingTable(page)).toBeVisible();
  const link = customerLinks(dataRows(page).first());
  const name = ((await link.textContent()) ?? '').trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('[data-balance="USD"]')).toContainText(/^Balance \$[\d,]+\.\d\d/);

  await page.getByRole('button', { name: 'Generate statement' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate Statements' });
  await expect(dialog.getByText('The 1 selected customer')).toBeVisible();
  // Skip Recent off, so an earlier suite's statement for this customer does not skip it.
  await dialog.getByLabel('Skip Recent').selectOption('none');
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(toasts(page, /^1 statement created/)).toBeVisible();
});
