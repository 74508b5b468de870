import { expect, test, type Page } from '@playwright/test';
import {
  AGING_PATH,
  OLDEST_BUCKET,
  agingTable,
  amountsIn,
  dataRows,
  filterButton,
  openFilters,
  pagination,
  paintedRgb,
  parseMoney,
  showing,
  signIn,
  summary,
  summaryTotal,
  customerLinks,
} from './helpers';

const LOCATION_IDS = /locations=([0-9a-f-]{36}(?:%2C[0-9a-f-]{36})*)/;

async function applyLocations(page: Page, names: string[]) {
  const dialog = await openFilters(page);
  const group = dialog.getByRole('group', { name: 'Locations' });
  for (const box of await group.getByRole('checkbox').all()) await box.uncheck();
  for (const name of names) await group.getByRole('checkbox', { name }).check();
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(dialog).toBeHidden();
}

test.describe('aging page as the collector (Boston and Chicago only)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'collector');
    await expect(page).toHaveURL(AGING_PATH);
    await expect(page.getByRole('heading', { level: 1, name: 'Aging invoices' })).toBeVisible();
  });

  test('shows only the locations the collector may view', async ({ page }) => {
    await expect(page.getByText(/All your locations \(2\)/)).toBeVisible();
    await expect(page.getByText(/As of \d{4}-\d{2}-\d{2} \(today\) · USD/)).toBeVisible();

    const dialog = await openFilters(page);
    const boxes = dialog.getByRole('group', { name: 'Locations' }).getByRole('checkbox');
    await expect(boxes).toHaveCount(2);
    const names = await Promise.all((await boxes.all()).map(async (b) => (await b.evaluate((el) => el.closest('label')?.textContent ?? '')).trim()));
    expect(names.sort()).toEqual(['Boston', 'Chicago']);
    for (const box of await boxes.all()) await expect(box).not.toBeChecked();
    await expect(dialog.getByText('Leave blank for all 2 locations you can see.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('filtering by one location puts it in the URL and the totals add up', async ({ page }) => {
    const all = await summaryTotal(page);
    expect(all).toBeGreaterThan(0);
    // The summary's buckets add up to its total.
    const buckets = await amountsIn(summary(page).locator('td[data-bucket]:not([data-bucket="total"])'));
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(all);

    await applyLocations(page, ['Boston']);
    await expect(page).toHaveURL(LOCATION_IDS);
    await expect(page.getByText(/· Boston$/)).toBeVisible();
    await expect(filterButton(page)).toHaveAccessibleName(/1 active/);
    const boston = await summaryTotal(page);
    expect(boston).toBeGreaterThan(0);
    expect(boston).toBeLessThan(all);
    const bostonUrl = page.url();

    await applyLocations(page, ['Chicago']);
    await expect(page.getByText(/· Chicago$/)).toBeVisible();
    expect(page.url()).not.toBe(bostonUrl);
    const chicago = await summaryTotal(page);
    expect(chicago).toBeLessThan(all);

    // Every invoice is in exactly one location, so the two locations add up to "all your locations".
    expect(boston + chicago).toBe(all);

    // The flyout reopens with the applied location ticked.
    const dialog = await openFilters(page);
    await expect(dialog.getByRole('checkbox', { name: 'Chicago' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Boston' })).not.toBeChecked();
    await expect(dialog.getByRole('list', { name: 'Selected locations' }).getByRole('listitem')).toHaveText(['Chicago']);
  });

  test('with a search that fits on one page, the summary equals the sum of the rows', async ({ page }) => {
    const search = page.getByRole('searchbox', { name: 'Search customers by name' });
    await search.fill('Harbor Point');
    await search.press('Enter');
    await expect(page).toHaveURL(/[?&]q=Harbor(\+|%20)Point/);
    const rows = dataRows(page);
    await expect(rows.first()).toContainText('Harbor Point');
    const { from, to, total } = await showing(page);
    expect(from).toBe(1);
    expect(to).toBe(total);
    expect(total).toBeLessThanOrEqual(50);
    await expect(rows).toHaveCount(total);
    for (const name of await customerLinks(rows).allTextContents()) expect(name).toContain('Harbor Point');

    const rowTotals = await amountsIn(agingTable(page).locator('[data-bucket="total"]'));
    expect(rowTotals.reduce((a, b) => a + b, 0)).toBe(await summaryTotal(page));
    // Column by column too.
    for (const key of ['pending', 'current', 'days_1_30', 'days_31_60', 'days_61_90', OLDEST_BUCKET]) {
      const column = await amountsIn(agingTable(page).locator(`[data-bucket="${key}"]`));
      const sum = parseMoney((await summary(page).locator(`[data-bucket="${key}"]`).textContent()) ?? '');
      expect(
        column.reduce((a, b) => a + b, 0),
        `column ${key}`,
      ).toBe(sum);
    }

    // Clearing the search box brings every customer back.
    await search.fill('');
    await expect(page).not.toHaveURL(/[?&]q=/);
    await expect.poll(async () => (await showing(page)).total).toBeGreaterThan(total);
  });

  test('Per page 10, paging with the top and bottom navigation, and Clear keeps Per page', async ({ page }) => {
    await applyLocations(page, ['Boston']);
    await expect(page).toHaveURL(LOCATION_IDS);

    let dialog = await openFilters(page);
    await expect(dialog.getByLabel('Per page')).toHaveValue('50');
    await dialog.getByLabel('Per page').selectOption('10');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await expect(page).toHaveURL(/perPage=10/);
    await expect(page).toHaveURL(LOCATION_IDS);
    await expect(dataRows(page)).toHaveCount(10);
    const first = await showing(page);
    expect(first).toMatchObject({ from: 1, to: 10 });
    expect(first.total).toBeGreaterThan(10);
    const page1Names = await customerLinks(dataRows(page)).allTextContents();
    await expect(pagination(page, 'top').getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');

    await pagination(page, 'top').getByRole('link', { name: 'Page 2', exact: true }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(pagination(page, 'top').getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(pagination(page, 'bottom').getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
    expect(await showing(page, 'bottom')).toEqual({ from: 11, to: Math.min(20, first.total), total: first.total });
    const page2Names = await customerLinks(dataRows(page)).allTextContents();
    expect(page2Names.some((n) => page1Names.includes(n))).toBe(false);

    await pagination(page, 'bottom').getByRole('link', { name: 'Previous page' }).click();
    await expect(page).not.toHaveURL(/[?&]page=/);
    await expect(page).toHaveURL(/perPage=10/);
    await expect(pagination(page, 'bottom').getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');
    expect(await showing(page)).toEqual(first);
    expect(await customerLinks(dataRows(page)).allTextContents()).toEqual(page1Names);

    // Clear drops the location filter but keeps Per page.
    dialog = await openFilters(page);
    await dialog.getByRole('button', { name: 'Clear' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).not.toHaveURL(/locations=/);
    await expect(page).toHaveURL(/perPage=10/);
    await expect(page.getByText(/All your locations \(2\)/)).toBeVisible();
    await expect(dataRows(page)).toHaveCount(10);
    expect((await showing(page)).total).toBeGreaterThan(first.total);
    dialog = await openFilters(page);
    await expect(dialog.getByLabel('Per page')).toHaveValue('10');
    for (const box of await dialog.getByRole('group', { name: 'Locations' }).getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  });

  test('sorting by 91+ is descending first, then ascending; the oldest bucket is red', async ({ page }) => {
    const header = agingTable(page).getByRole('columnheader', { name: /91\+/ });
    await expect(header).toHaveAttribute('aria-sort', 'none');
    await header.getByRole('link', { name: 'Sort by 91+' }).click();
    await expect(page).toHaveURL(new RegExp(`sort=-${OLDEST_BUCKET}`));
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(header.getByRole('link')).toHaveAccessibleName('Sort by 91+, sorted descending');

    const cells = agingTable(page).locator(`[data-bucket="${OLDEST_BUCKET}"]`);
    const desc = await amountsIn(cells);
    expect(desc.length).toBeGreaterThan(1);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(desc[0]).toBeGreaterThan(0);

    // Every amount above zero in the oldest bucket is flagged and painted red; zeros are not.
    const flagged = agingTable(page).locator(`[data-bucket="${OLDEST_BUCKET}"][data-alert]`);
    await expect(flagged).toHaveCount(desc.filter((v) => v > 0).length);
    const [r, g, b] = await paintedRgb(flagged.first());
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
    const summaryCell = summary(page).locator(`[data-bucket="${OLDEST_BUCKET}"]`);
    expect(parseMoney((await summaryCell.textContent()) ?? '')).toBeGreaterThan(0);
    const [sr, sg] = await paintedRgb(summaryCell);
    expect(sr).toBeGreaterThan(180);
    expect(sg).toBeLessThan(90);
    // Another bucket's amounts are not red.
    const [cr, cg] = await paintedRgb(agingTable(page).locator('[data-bucket="current"]').first());
    expect(cr - cg).toBeLessThan(60);

    await header.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`sort=${OLDEST_BUCKET}(&|$)`));
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const asc = await amountsIn(cells);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
  });

  test('a customer link opens its accounting page with open invoices', async ({ page }) => {
    // Largest 91+ first, so the customer surely has overdue invoices.
    await agingTable(page).getByRole('link', { name: 'Sort by 91+' }).click();
    await expect(page).toHaveURL(new RegExp(`sort=-${OLDEST_BUCKET}`));
    const row = dataRows(page).first();
    const link = customerLinks(row);
    const name = ((await link.textContent()) ?? '').trim();
    const rowTotal = parseMoney((await row.locator('[data-bucket="total"]').textContent()) ?? '');
    await link.click();

    await expect(page).toHaveURL(/\/acme\/customers\/[0-9a-f-]{36}\/accounting$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(/Accounting · as of \d{4}-\d{2}-\d{2}/)).toBeVisible();
    const invoices = page.getByRole('region', { name: /Open invoices \(\d+\+?\)/ });
    await expect(invoices).toBeVisible();
    const invoiceRows = invoices.getByRole('row').filter({ has: page.getByRole('cell') });
    expect(await invoiceRows.count()).toBeGreaterThan(0);
    // Only invoices of the collector's locations are listed.
    const locations = new Set(await invoiceRows.locator('td:nth-child(2)').allTextContents());
    expect([...locations].every((l) => l === 'Boston' || l === 'Chicago')).toBe(true);
    // A single-currency customer: its summary equals its row on the aging page.
    if ((await page.getByRole('region', { name: 'Aging summary' }).count()) === 1) {
      expect(await summaryTotal(page)).toBe(rowTotal);
    }

    await page.getByRole('link', { name: 'Aging invoices' }).click();
    await expect(page).toHaveURL(AGING_PATH);
  });

  test('signing out lands on the login page and the aging page then asks to sign in', async ({ page }) => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.goto(AGING_PATH);
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Facme%2Faccounting%2Faging-invoices/);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});
