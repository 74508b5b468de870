import { expect, test, type Page } from '@playwright/test';
import { AGING_PATH, agingTable, signIn, summary, summaryTotal, toasts } from './helpers';

const SETTINGS_PATH = '/acme/settings/aging';

async function applyPreset(page: Page, name: string): Promise<void> {
  await page.goto(SETTINGS_PATH);
  await page.getByLabel('Start from a preset').selectOption({ label: name });
  await page.getByRole('button', { name: 'Fill in' }).click();
  await page.getByRole('button', { name: 'Save aging periods' }).click();
  await expect(toasts(page, 'Aging periods saved')).toBeVisible();
}

test.describe('aging periods', () => {
  test('an admin picks a preset, saves, and the aging page re-buckets at once with the same total', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(agingTable(page)).toBeVisible();
    const before = await summaryTotal(page);
    try {
      await rebucket(page, before);
    } finally {
      // Leave the demo company on the default scheme for the other suites.
      await applyPreset(page, 'Pending / Current / 1-30 / 31-60 / 61-90 / 91+ (default)');
    }
  });

  async function rebucket(page: Page, before: number): Promise<void> {
    await applyPreset(page, '0-30 / 31-60 / 61-90 / 90+');
    await expect(page.getByRole('region', { name: "The aging page's columns" }).getByRole('listitem')).toHaveText([
      /^0-30 not yet due to 30 days past due/,
      /^31-60 31 days past due to 60 days past due/,
      /^61-90 61 days past due to 90 days past due/,
      /^90\+ 91 days past due and older/,
    ]);
    if (process.env.DOCS_SCREENSHOT === '1')
      await page.screenshot({ path: 'docs/screenshot-aging-periods.png', fullPage: true, animations: 'disabled' });

    await page.goto(AGING_PATH);
    const headers = agingTable(page).getByRole('columnheader');
    await expect(headers.filter({ hasText: /^0-30/ })).toHaveCount(1);
    await expect(headers.filter({ hasText: /^90\+/ })).toHaveCount(1);
    await expect(headers.filter({ hasText: /^Current/ })).toHaveCount(0);
    await expect(summary(page)).toBeVisible();
    expect(await summaryTotal(page)).toBe(before);
  }

  test('a bad period is named next to its field and nothing is saved', async ({ page }) => {
    await signIn(page, 'admin', SETTINGS_PATH);
    await page.getByLabel('Period 2 days').fill('1000');
    await page.getByRole('button', { name: 'Save aging periods' }).click();
    await expect(page.getByLabel('Period 2 days')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Period 2 days')).toHaveAccessibleDescription('Days must be at most 999');
    await page.goto(SETTINGS_PATH);
    await expect(page.getByLabel('Period 2 days')).toHaveValue('60');
  });

  test('a collector sees the periods but cannot change them', async ({ page }) => {
    await signIn(page, 'collector', SETTINGS_PATH);
    await expect(page.getByText('Only company admins can change them.')).toBeVisible();
    await expect(page.getByLabel('Period 1 label')).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save aging periods' })).toHaveCount(0);
  });
});
