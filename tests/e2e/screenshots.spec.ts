import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  OLDEST_BUCKET,
  OUTBOX_PATH,
  STATEMENTS_PATH,
  agingTable,
  createdHeading,
  dataRows,
  generateDialog,
  generatePastDue,
  openFilters,
  openGenerate,
  selectFreshCustomers,
  signIn,
  statementsTable,
  toasts,
  customerLinks,
} from './helpers';

/**
 * Full-page screenshots of the main screens for a visual review, into test-results/screenshots/ (gitignored).
 * With DOCS_SCREENSHOT=1 it also refreshes the README's pictures in docs/: screenshot-aging.png (the aging
 * page), screenshot-generate.png (the Generate Statements result), screenshot-statements.png and
 * screenshot-worklist.png (the collections worklist).
 */
const dir = path.join('test-results', 'screenshots');
mkdirSync(dir, { recursive: true });

async function shoot(page: Page, name: string, { fullPage = true } = {}) {
  // Let toasts and transitions settle so the picture is stable.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage, animations: 'disabled' });
}

test.describe('screenshots', () => {
  test('login page', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await shoot(page, 'login');
  });

  test('admin: aging page, filter flyout, customer page, API tokens', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page.getByText(/All your locations \(5\)/)).toBeVisible();
    await expect(dataRows(page).first()).toBeVisible();
    if (process.env.DOCS_SCREENSHOT === '1') {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join('docs', 'screenshot-aging.png'), animations: 'disabled' });
    }
    await shoot(page, 'aging-admin');

    await openFilters(page);
    await shoot(page, 'aging-filter-flyout');
    await page.keyboard.press('Escape');

    await agingTable(page).getByRole('link', { name: 'Sort by 91+' }).click();
    await expect(page).toHaveURL(new RegExp(`sort=-${OLDEST_BUCKET}`));
    await customerLinks(dataRows(page).first()).click();
    await expect(page.getByRole('region', { name: /Open invoices/ })).toBeVisible();
    await shoot(page, 'customer');

    await page.goto('/acme/settings/api-tokens');
    await page.getByLabel('New token name').fill('Month-end export');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByTestId('new-token')).toBeVisible();
    await shoot(page, 'api-tokens');
  });

  test('manager: Generate Statements form and result, statements page, outbox', async ({ page }) => {
    await signIn(page, 'manager');
    await selectFreshCustomers(page, 3);
    const dialog = await openGenerate(page);
    await dialog.getByRole('checkbox', { name: 'Email each statement to the customer' }).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/eligible$/);
    // The modal covers the viewport, not the full page: these are viewport pictures.
    await shoot(page, 'generate-form', { fullPage: false });

    const { created } = await generatePastDue(page);
    expect(created).toBeGreaterThan(0);
    await expect(createdHeading(page)).toBeVisible();
    // Wait for the success toast to go, so the picture shows the dialog alone.
    await expect(toasts(page)).toHaveCount(0, { timeout: 20_000 });
    if (process.env.DOCS_SCREENSHOT === '1') {
      await page.screenshot({ path: path.join('docs', 'screenshot-generate.png'), animations: 'disabled' });
    }
    await shoot(page, 'generate-result', { fullPage: false });
    await generateDialog(page).getByRole('button', { name: 'Close' }).click();

    await page.goto(STATEMENTS_PATH);
    await expect(statementsTable(page)).toBeVisible();
    if (process.env.DOCS_SCREENSHOT === '1') {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join('docs', 'screenshot-statements.png'), animations: 'disabled' });
    }
    await shoot(page, 'statements');

    await page.goto(OUTBOX_PATH);
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    await shoot(page, 'outbox');
  });

  test('admin: collections worklist, runs page, customer collections panel', async ({ page }) => {
    await signIn(page, 'admin');
    // Everyone's items, so the picture shows more than one collector's.
    await page.goto('/acme/collections?scope=everyone');
    const worklist = page.getByRole('table', { name: 'Worklist, by money at risk' });
    await expect(worklist).toBeVisible();
    if (process.env.DOCS_SCREENSHOT === '1') {
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join('docs', 'screenshot-worklist.png'), animations: 'disabled' });
    }
    await shoot(page, 'worklist');

    await page.goto('/acme/collections/runs');
    await expect(page.getByRole('table', { name: "What today's run would send, per customer" })).toBeVisible();
    await shoot(page, 'collections-runs');

    // The demo's broken promise (scripts/lib/demo-collections.ts): a customer with a log, promises and a next action.
    await page.goto('/acme/collections?scope=everyone&type=broken_promise');
    await worklist.getByRole('link').first().click();
    const panel = page.getByRole('region', { name: 'Collections', exact: true });
    await expect(panel.getByRole('list', { name: 'Collection log, newest first' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await panel.screenshot({ path: path.join(dir, 'customer-collections.png'), animations: 'disabled' });
  });

  test('collector: aging page', async ({ page }) => {
    await signIn(page, 'collector');
    await expect(page.getByText(/All your locations \(2\)/)).toBeVisible();
    await shoot(page, 'aging-collector');
  });

  test('narrow screen: aging page and header', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'manager');
    await expect(dataRows(page).first()).toBeVisible();
    await shoot(page, 'aging-narrow');
  });

  test('no access page', async ({ page }) => {
    await signIn(page, 'nolocations');
    await expect(page.getByRole('heading', { name: 'No access to invoices' })).toBeVisible();
    await shoot(page, 'no-access');
  });
});
