import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('create an API token, see its secret once, then revoke it', async ({ page }) => {
  await signIn(page, 'collector', '/acme/settings/api-tokens');
  await expect(page).toHaveURL('/acme/settings/api-tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'API tokens' })).toHaveAttribute('aria-current', 'page');

  const name = `e2e export ${Date.now()}`;
  await page.getByLabel('New token name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();

  const notice = page.getByRole('status').filter({ hasText: 'Copy your new token now' });
  await expect(notice).toBeVisible();
  const secret = ((await page.getByTestId('new-token').textContent()) ?? '').trim();
  expect(secret).toMatch(/^aw_[A-Za-z0-9_-]{40,}$/);
  await expect(page.getByText(`Token "${name}" created`)).toBeVisible();

  const tokens = page.getByRole('table', { name: 'Your API tokens' });
  const row = tokens.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  // The list shows a recognisable prefix, never the secret.
  await expect(row).toContainText(`${secret.slice(0, 9)}…`);
  await expect(tokens).not.toContainText(secret);
  await expect(page.getByLabel('New token name')).toHaveValue('');

  let confirmMessage = '';
  page.once('dialog', (dialog) => {
    confirmMessage = dialog.message();
    void dialog.accept();
  });
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByText(`Token "${name}" revoked`)).toBeVisible();
  expect(confirmMessage).toContain(`Revoke "${name}"?`);
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

  // The secret is not shown again after a reload.
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await expect(tokens.getByRole('row').filter({ hasText: name })).toContainText('Revoked');
});

test('an empty token name is refused with a message', async ({ page }) => {
  await signIn(page, 'collector', '/acme/settings/api-tokens');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByLabel('New token name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('New token name')).toHaveAccessibleDescription(/required/i);
  await expect(page.getByTestId('new-token')).toHaveCount(0);
});
