import { expect, type Locator, type Page } from '@playwright/test';

/** Demo logins seeded by scripts/lib/demo-data.ts. */
export const USERS = {
  admin: { email: 'admin@acme.test', password: 'demo-admin-2026' },
  manager: { email: 'manager@acme.test', password: 'demo-manager-2026' },
  collector: { email: 'collector@acme.test', password: 'demo-collector-2026' },
  nolocations: { email: 'nolocations@acme.test', password: 'demo-nolocations-2026' },
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
export const dataRows = (page: Page) => agingTable(page).getByRole('row').filter({ has: page.getByRole('cell') });

export async function amountsIn(cells: Locator): Promise<number[]> {
  return (await cells.allTextContents()).map(parseMoney);
}

export async function summaryTotal(page: Page): Promise<number> {
  return parseMoney(await summary(page).locator('[data-bucket="total"]').textContent() ?? '');
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
  const text = (await pagination(page, where).getByText(/Showing/).textContent()) ?? '';
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
