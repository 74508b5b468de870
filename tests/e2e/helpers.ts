import { expect, type Locator, type Page } from '@playwright/test';

/** Demo logins seeded by scripts/lib/demo-data.ts. */
export const USERS = {
  admin: { email: 'admin@acme.test', password: 'demo-admin-2026' },
  manager: { email: 'manager@acme.test', password: 'demo-manager-2026' },
  collector: { email: 'collector@acme.test', password: 'demo-collector-2026' },
  nolocations: { email: 'nolocations@acme.test', password: 'demo-nolocations-2026' },
  /** Globex's admin: suites that change balances (finance charges) run there, leaving Acme's as seeded. */
  globex: { email: 'admin@globex.test', password: 'demo-globex-2026' },
} as const;

export type DemoUser = keyof typeof USERS;

export const AGING_PATH = '/acme/accounting/aging-invoices';
/** The oldest bucket of the default scheme (91+ days past due). */
export const OLDEST_BUCKET = 'days_91_plus';

/** Signs in through the login form; `path` is opened first (an unauthenticated visit redirects to /login). */
export async function signIn(page: Page, user: DemoUser, path = AGING_PATH): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(USERS[user].email);
  await page.getByLabel('Password').fill(USERS[user].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
}

/** "$1,234.56" or "-$1,234.56" -> minor units, without a float in between. */
export function parseMoney(text: string): number {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[^0-9]/g, '');
  if (!digits) throw new Error(`Not an amount: "${text}"`);
  const value = Number(digits);
  return trimmed.includes('-') || trimmed.includes('−') ? -value : value;
}

export const agingTable = (page: Page) => page.getByRole('table', { name: 'Open receivables by customer' });
export const summary = (page: Page) => page.getByRole('region', { name: 'Aging summary' });
export const filterButton = (page: Page) => page.getByRole('button', { name: /^Filter/ });
export const filterDialog = (page: Page) => page.getByRole('dialog', { name: 'Filter Aging Invoices' });
export const pagination = (page: Page, where: 'top' | 'bottom') => page.getByRole('navigation', { name: `Pagination, ${where}` });

/** Data rows of the aging table (the header row holds column headers, not cells). */
export const dataRows = (page: Page) =>
  agingTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });

/** The customer-name links in `scope` (rows also link each bucket amount to its invoices). */
export const customerLinks = (scope: Locator) => scope.locator('a[href*="/customers/"]');

export async function amountsIn(cells: Locator): Promise<number[]> {
  return (await cells.allTextContents()).map(parseMoney);
}

export async function summaryTotal(page: Page): Promise<number> {
  return parseMoney((await summary(page).locator('[data-bucket="total"]').textContent()) ?? '');
}

/** Opens the Filter flyout and returns it. */
export async function openFilters(page: Page): Promise<Locator> {
  await filterButton(page).click();
  const dialog = filterDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** "Showing 11–20 of 123 customers" -> { from: 11, to: 20, total: 123 }. */
export async function showing(page: Page, where: 'top' | 'bottom' = 'top'): Promise<{ from: number; to: number; total: number }> {
  const text =
    (await pagination(page, where)
      .getByText(/Showing/)
      .textContent()) ?? '';
  const m = /Showing\s*([\d,]+)\D+([\d,]+)\s*of\s*([\d,]+)/.exec(text);
  if (!m) throw new Error(`Unexpected pagination text: "${text}"`);
  const n = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));
  return { from: n(m[1]), to: n(m[2]), total: n(m[3]) };
}

/** The sRGB colour a CSS colour (possibly oklch) paints, read back from a canvas. */
export async function paintedRgb(locator: Locator): Promise<[number, number, number]> {
  return locator.evaluate((el) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.fillStyle = getComputedStyle(el).color;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return [r ?? 0, g ?? 0, b ?? 0] as [number, number, number];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Bulk actions, statements and the outbox.

export const STATEMENTS_PATH = '/acme/accounting/statements';
export const OUTBOX_PATH = '/acme/accounting/outbox';
/** The aging page with the largest 91+ balances first: every customer with 91+ above zero is past due. */
export const AGING_OLDEST_FIRST = `${AGING_PATH}?sort=-${OLDEST_BUCKET}`;
const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const bulkActions = (page: Page) => page.getByRole('group', { name: 'Bulk actions' });
export const downloadButton = (page: Page) => bulkActions(page).getByRole('button', { name: 'Download', exact: true });
export const generateButton = (page: Page) => bulkActions(page).getByRole('button', { name: 'Generate Statements' });
export const generateDialog = (page: Page) => page.getByRole('dialog', { name: 'Generate Statements' });
/** The Preview status line of the Generate Statements form ("3 customers eligible"). */
export const eligibleStatus = (page: Page) => generateDialog(page).getByRole('status');
/** The result view's heading ("3 statements created"). */
export const createdHeading = (page: Page) => generateDialog(page).getByRole('heading', { name: /statements? created$/ });
export const statementsTable = (page: Page) => page.getByRole('table', { name: 'Statements', exact: true });
/** Data rows of a table (the header row holds column headers, not cells). */
export const bodyRows = (table: Locator) => table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** Toasts (sonner); `text` narrows to the ones whose text matches. */
export function toasts(page: Page, text?: string | RegExp): Locator {
  const all = page.locator('[data-sonner-toast]');
  return text === undefined ? all : all.filter({ hasText: text });
}

/** "3 statements created" / "1 customer eligible" -> 3 / 1. */
export function leadingCount(text: string | null): number {
  const m = /^\s*([\d,]+)\s/.exec(text ?? '');
  if (!m?.[1]) throw new Error(`No leading count in "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

/** The customer id in a customer link (/acme/customers/<id>/accounting). */
export function customerIdOf(href: string | null): string {
  const m = new RegExp(`/customers/(${GUID})/`).exec(href ?? '');
  if (!m?.[1]) throw new Error(`Not a customer link: "${href}"`);
  return m[1];
}

/** "Showing 1–25 of 120 statements" -> 120; "No statements" -> 0. */
export async function listTotal(page: Page): Promise<number> {
  const text = (await page.getByRole('navigation', { name: 'Pagination, top' }).locator('p').first().textContent()) ?? '';
  if (/^No /.test(text.trim())) return 0;
  const m = /of\s*([\d,]+)/.exec(text);
  if (!m?.[1]) throw new Error(`Unexpected pagination text: "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

/** Ids of the customers that have a statement the signed-in user can see (walks every page of the statements list). */
export async function customersWithStatements(page: Page): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let n = 1; ; n++) {
    await page.goto(`${STATEMENTS_PATH}?perPage=50${n > 1 ? `&page=${n}` : ''}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Statements' })).toBeVisible();
    const total = await listTotal(page);
    if (total === 0) return ids;
    for (const href of await statementsTable(page)
      .getByRole('row')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      if (href?.includes('/customers/')) ids.add(customerIdOf(href));
    }
    if (n * 50 >= total) return ids;
  }
}

export interface PickedCustomer {
  id: string;
  name: string;
}

/**
 * Opens the aging page oldest-first (optionally at `path`) and ticks the first `count` customers that have no
 * statement yet, so a Generate run with Skip Recent covers them all whatever ran before. Every one of them has
 * a balance in the oldest bucket, so it is past due. Returns them in page order. With `keyboard`, each box is
 * ticked with Space instead of a click; with `withEmail`, only customers with an email address are taken.
 */
export async function selectFreshCustomers(
  page: Page,
  count: number,
  path = AGING_OLDEST_FIRST,
  { keyboard = false, withEmail = false }: { keyboard?: boolean; withEmail?: boolean } = {},
): Promise<PickedCustomer[]> {
  const taken = await customersWithStatements(page);
  await page.goto(path);
  await expect(dataRows(page).first()).toBeVisible();
  const picked: PickedCustomer[] = [];
  for (const row of await dataRows(page).all()) {
    if (picked.length === count) break;
    const link = customerLinks(row);
    const id = customerIdOf(await link.getAttribute('href'));
    const oldest = parseMoney((await row.locator(`[data-bucket="${OLDEST_BUCKET}"]`).textContent()) ?? '');
    if (taken.has(id) || oldest <= 0) continue;
    if (withEmail && !(await hasEmailAddress(page, id))) continue;
    const name = ((await link.textContent()) ?? '').trim();
    const box = row.getByRole('checkbox');
    if (keyboard) {
      await box.focus();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
    } else {
      await box.check();
    }
    picked.push({ id, name });
  }
  expect(picked, 'customers on the page without a statement yet').toHaveLength(count);
  await expect(page.getByText(`${count} customer${count === 1 ? '' : 's'} selected`)).toBeVisible();
  return picked;
}

/** The customer's page shows an email address (a few demo customers have none). */
export async function hasEmailAddress(page: Page, customerId: string): Promise<boolean> {
  const response = await page.request.get(`/acme/customers/${customerId}/accounting`);
  expect(response.status()).toBe(200);
  return /href="mailto:[^"]+@/.test(await response.text());
}

/** Opens Generate Statements from the selection bar and returns the dialog. */
export async function openGenerate(page: Page): Promise<Locator> {
  await generateButton(page).click();
  const dialog = generateDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A radio of the Eligibility Mode group. */
export const modeRadio = (dialog: Locator, mode: 'Open' | 'Past Due' | 'Threshold') =>
  dialog.getByRole('radiogroup', { name: 'Eligibility Mode' }).getByRole('radio', { name: mode, exact: true });

/**
 * Runs Generate in the open dialog with Past Due (and `skipRecent`) and returns the result: the count the
 * result view reports and the batch id from its "View statements" link.
 */
export async function generatePastDue(page: Page, skipRecent = '1 week'): Promise<{ created: number; batchId: string }> {
  const dialog = generateDialog(page);
  await modeRadio(dialog, 'Past Due').check();
  await dialog.getByLabel('Skip Recent').selectOption({ label: skipRecent });
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(createdHeading(page)).toBeVisible({ timeout: 30_000 });
  const created = leadingCount(await createdHeading(page).textContent());
  const href = await dialog.getByRole('link', { name: 'View statements' }).getAttribute('href');
  const m = new RegExp(`[?&]batchId=(${GUID})`).exec(href ?? '');
  if (!m?.[1]) throw new Error(`No batch id in "${href}"`);
  return { created, batchId: m[1] };
}

/** Asserts that `bytes` is a PDF file of some substance. */
export function expectPdf(bytes: Buffer, what = 'file'): void {
  expect(bytes.subarray(0, 5).toString('latin1'), `${what} starts with %PDF-`).toBe('%PDF-');
  expect(bytes.length, `${what} size`).toBeGreaterThan(1024);
}

/** Ticks the given customers on the aging page already open (each must be on it). */
export async function selectCustomers(page: Page, customers: PickedCustomer[]): Promise<void> {
  await expect(dataRows(page).first()).toBeVisible();
  for (const c of customers) {
    const row = dataRows(page).filter({ has: page.locator(`a[href$="/customers/${c.id}/accounting"]`) });
    await row.getByRole('checkbox').check();
  }
  await expect(page.getByText(`${customers.length} customer${customers.length === 1 ? '' : 's'} selected`)).toBeVisible();
}

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 20 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with ${back ? 'Shift+Tab' : 'Tab'} in at most ${max} presses`).toBeFocused({ timeout: 1 });
}
