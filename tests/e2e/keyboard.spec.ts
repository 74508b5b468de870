import { expect, test } from '@playwright/test';
import { filterButton, filterDialog, signIn } from './helpers';

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
