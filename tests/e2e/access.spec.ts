import { expect, test } from '@playwright/test';
import { AGING_PATH, filterDialog, openFilters, signIn } from './helpers';

test('a wrong password keeps the user on the login page with an error', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('collector@acme.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Email or password is incorrect.');
  await expect(page).toHaveURL(/\/login/);
});

test('a member without location permissions sees "No access to invoices"', async ({ page }) => {
  await signIn(page, 'nolocations');
  await expect(page).toHaveURL(AGING_PATH);
  await expect(page.getByRole('heading', { name: 'No access to invoices' })).toBeVisible();
  await expect(page.getByText(/member of Acme Security, but you have no permission/)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Filter/ })).toHaveCount(0);
});

test('another company shows the 404 page to the collector', async ({ page }) => {
  await signIn(page, 'collector');
  await page.goto('/globex/accounting/aging-invoices');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByText('This page does not exist, or you do not have access to it.')).toBeVisible();
  await expect(page.getByText('Globex Alarms')).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);

  // A company that does not exist looks exactly the same.
  await page.goto('/no-such-company/accounting/aging-invoices');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('another company answers HTTP 404, not 200', async ({ page }) => {
  await signIn(page, 'collector');
  const response = await page.goto('/globex/accounting/aging-invoices');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  expect(response?.status()).toBe(404);
});

test('the manager switches company to Globex with the company switcher', async ({ page }) => {
  await signIn(page, 'manager');
  await expect(page).toHaveURL(AGING_PATH);
  await expect(page.getByText(/All your locations \(3\)/)).toBeVisible();
  const switcher = page.getByRole('combobox', { name: 'Company' });
  await expect(switcher).toHaveValue('acme');
  await switcher.selectOption({ label: 'Globex Alarms' });
  await expect(page).toHaveURL('/globex/accounting/aging-invoices');
  await expect(page.getByRole('combobox', { name: 'Company' })).toHaveValue('globex');
  await expect(page.getByText(/ · GBP · All your locations \(1\)/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Aging summary' })).toContainText('£');

  const dialog = await openFilters(page);
  await expect(dialog.getByRole('group', { name: 'Locations' }).getByRole('checkbox')).toHaveCount(1);
  await expect(dialog.getByRole('checkbox', { name: 'London' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(filterDialog(page)).toBeHidden();

  await page.getByRole('combobox', { name: 'Company' }).selectOption({ label: 'Acme Security' });
  await expect(page).toHaveURL(AGING_PATH);
});
