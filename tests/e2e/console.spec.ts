import { expect, test, type Page } from '@playwright/test';
import {
  AGING_PATH,
  OUTBOX_PATH,
  STATEMENTS_PATH,
  dataRows,
  eligibleStatus,
  generateButton,
  generateDialog,
  modeRadio,
  signIn,
  customerLinks,
} from './helpers';

/** Console errors and uncaught exceptions (hydration mismatches show up here) while `body` runs. */
async function errorsDuring(page: Page, body: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') errors.push(m.text());
  };
  const onError = (e: Error) => errors.push(e.message);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  await body();
  await page.waitForLoadState('networkidle');
  page.off('console', onConsole);
  page.off('pageerror', onError);
  return errors;
}

test('the main pages load without console errors', async ({ page }) => {
  expect(
    await errorsDuring(page, async () => {
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    }),
    'login',
  ).toEqual([]);
  await signIn(page, 'admin');
  expect(
    await errorsDuring(page, async () => {
      await page.goto(AGING_PATH);
      await expect(dataRows(page).first()).toBeVisible();
    }),
    'aging',
  ).toEqual([]);
  expect(
    await errorsDuring(page, async () => {
      await customerLinks(dataRows(page).first()).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }),
    'customer',
  ).toEqual([]);
});

test('the statements and outbox pages and the Generate Statements dialog run without console errors', async ({ page }) => {
  await signIn(page, 'manager');
  expect(
    await errorsDuring(page, async () => {
      await page.goto(AGING_PATH);
      await dataRows(page).first().getByRole('checkbox').check();
      await generateButton(page).click();
      await modeRadio(generateDialog(page), 'Threshold').check();
      await generateDialog(page).getByLabel('Threshold Value (USD)').fill('100');
      await generateDialog(page).getByRole('button', { name: 'Preview' }).click();
      await expect(eligibleStatus(page)).toHaveText(/eligible$/);
      await page.keyboard.press('Escape');
      await expect(generateDialog(page)).toBeHidden();
    }),
    'generate dialog',
  ).toEqual([]);
  expect(
    await errorsDuring(page, async () => {
      await page.goto(STATEMENTS_PATH);
      await expect(page.getByRole('heading', { level: 1, name: 'Statements' })).toBeVisible();
    }),
    'statements',
  ).toEqual([]);
  expect(
    await errorsDuring(page, async () => {
      await page.goto(OUTBOX_PATH);
      await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    }),
    'outbox',
  ).toEqual([]);
});

test.describe('API tokens page in a browser time zone other than the server one', () => {
  // Unlikely to be the server's zone, so dates formatted during server rendering differ from the browser's.
  test.use({ timezoneId: 'Pacific/Auckland' });

  test('loads without a hydration error', async ({ page }) => {
    await signIn(page, 'admin', '/acme/settings/api-tokens');
    expect(
      await errorsDuring(page, async () => {
        await page.getByLabel('New token name').fill('Console check');
        await page.getByRole('button', { name: 'Create token' }).click();
        await expect(page.getByTestId('new-token')).toBeVisible();
        await page.reload();
        await expect(page.getByRole('table', { name: 'Your API tokens' })).toContainText('Console check');
      }),
    ).toEqual([]);
  });
});
