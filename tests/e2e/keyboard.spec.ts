import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  createdHeading,
  downloadButton,
  eligibleStatus,
  filterButton,
  filterDialog,
  generateButton,
  generateDialog,
  leadingCount,
  modeRadio,
  selectFreshCustomers,
  signIn,
  tabTo,
} from './helpers';

test.describe('Filter flyout from the keyboard', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'collector');
    await expect(filterButton(page)).toBeVisible();
  });

  test('opens with Enter, keeps focus inside, applies with Submit and closes with Escape', async ({ page }) => {
    await filterButton(page).focus();
    await page.keyboard.press('Enter');
    const dialog = filterDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-describedby', /.+/);
    // Focus is trapped: tabbing through every control stays in the dialog.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    }
    await dialog.getByLabel('Per page').focus();
    await dialog.getByLabel('Per page').selectOption('25');
    await dialog.getByRole('checkbox', { name: 'Chicago' }).focus();
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('checkbox', { name: 'Chicago' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Submit' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/perPage=25/);
    await expect(page.getByText(/· Chicago$/)).toBeVisible();

    await filterButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/perPage=25/);
  });

  test('closing the flyout returns focus to the Filter button', async ({ page }) => {
    await filterButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(filterDialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(filterDialog(page)).toBeHidden();
    await expect(filterButton(page)).toBeFocused({ timeout: 3_000 });
  });
});

/**
 * An arrow key held until the focus lands on `target`, then released. Radix radio groups move the focus in a
 * timer after keydown and choose the focused radio only while the arrow is down; a person's keypress lasts
 * long enough, but Playwright's press() can release the key before that timer runs.
 */
async function arrow(page: Page, key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown', target: Locator) {
  await page.keyboard.down(key);
  await expect(target).toBeFocused();
  await page.keyboard.up(key);
}

test.describe('Generate Statements from the keyboard', () => {
  test('selection, every field, Preview, Generate and Close work without a mouse', async ({ page }) => {
    await signIn(page, 'manager');
    // Ticked with Space, not clicked.
    const picked = await selectFreshCustomers(page, 2, undefined, { keyboard: true });

    await downloadButton(page).focus();
    await page.keyboard.press('Tab');
    await expect(generateButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = generateDialog(page);
    await expect(dialog).toBeVisible();
    await expect(modeRadio(dialog, 'Open')).toBeFocused();

    // Focus is trapped: tabbing both ways stays in the dialog.
    for (const key of [...Array<string>(14).fill('Tab'), ...Array<string>(14).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `focus inside after ${key}`).toBe(true);
    }

    // Arrows move through the Eligibility Mode radios (one tab stop) and choose as they go.
    await tabTo(page, modeRadio(dialog, 'Open'));
    await arrow(page, 'ArrowRight', modeRadio(dialog, 'Past Due'));
    await expect(modeRadio(dialog, 'Past Due')).toBeChecked();
    await arrow(page, 'ArrowRight', modeRadio(dialog, 'Threshold'));
    await expect(modeRadio(dialog, 'Threshold')).toBeChecked();

    // Tab reaches the threshold; Enter in it previews, and a bad amount keeps the focus there with its error.
    const threshold = dialog.getByLabel('Threshold Value (USD)');
    await page.keyboard.press('Tab');
    await expect(threshold).toBeFocused();
    await page.keyboard.type('10.999');
    await page.keyboard.press('Enter');
    await expect(threshold).toHaveAttribute('aria-invalid', 'true');
    await expect(threshold).toHaveAccessibleDescription(/at most 2 decimals/);
    await expect(threshold).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1.50');
    await expect(threshold).not.toHaveAttribute('aria-invalid');
    await page.keyboard.press('Enter');
    await expect(eligibleStatus(page)).toHaveText(/^[\d,]+ customers? eligible$/);
    await expect(threshold).toBeFocused();

    // Back to the radios, and Past Due.
    await page.keyboard.press('Shift+Tab');
    await expect(modeRadio(dialog, 'Threshold')).toBeFocused();
    await arrow(page, 'ArrowLeft', modeRadio(dialog, 'Past Due'));
    await expect(modeRadio(dialog, 'Past Due')).toBeChecked();
    await expect(threshold).toBeHidden();

    // Space toggles a location chip.
    const boston = dialog.getByRole('checkbox', { name: 'Boston' });
    await tabTo(page, boston);
    await page.keyboard.press('Space');
    await expect(boston).toBeChecked();
    await expect(dialog.getByText('1 of 3 locations')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(boston).not.toBeChecked();
    await expect(dialog.getByText('All your locations (3)')).toBeVisible();

    // Arrow keys change Skip Recent.
    const skip = dialog.getByLabel('Skip Recent');
    await tabTo(page, skip);
    await expect(skip).toHaveValue('1w');
    await page.keyboard.press('ArrowDown');
    await expect(skip).toHaveValue('1m');
    await page.keyboard.press('ArrowUp');
    await expect(skip).toHaveValue('1w');

    // Space ticks and unticks "Email each statement".
    const email = dialog.getByRole('checkbox', { name: 'Email each statement to the customer' });
    await page.keyboard.press('Tab');
    await expect(email).toBeFocused();
    await page.keyboard.press('Space');
    await expect(email).toBeChecked();
    await page.keyboard.press('Space');
    await expect(email).not.toBeChecked();

    // Enter on Preview counts; Space on Generate creates.
    const preview = dialog.getByRole('button', { name: 'Preview' });
    await tabTo(page, preview);
    await page.keyboard.press('Enter');
    await expect(eligibleStatus(page)).toHaveText(`${picked.length} customers eligible`);
    await expect(preview).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Generate', exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(createdHeading(page)).toHaveText(`${picked.length} statements created`, { timeout: 30_000 });
    expect(leadingCount(await createdHeading(page).textContent())).toBe(picked.length);
    // The result takes the focus, so a screen reader reads it; Tab goes on to its actions.
    await expect(createdHeading(page)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('link', { name: 'Download as PDF' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('link', { name: 'View statements' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(generateButton(page)).toBeFocused();
  });
});
