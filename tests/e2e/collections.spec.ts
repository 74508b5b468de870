import { expect, test, type Locator, type Page } from '@playwright/test';
import { AGING_PATH, OUTBOX_PATH, agingTable, customerIdOf, dataRows, openFilters, showing, signIn, toasts, customerLinks } from './helpers';
import { moveServerClock, resetServerClock } from './clock';

// The collections workflow end to end, as an admin (a collector with invoices.modify sees the same panel):
// a call with a promise to pay that breaks, the worklist item it raises and its completion; a dispute that keeps
// its customer out of the reminder run; a run previewed, started, approved (approve-first, the demo's default)
// and started again without sending anything twice; the bell; the aging grid's collections filters; the
// keyboard path of the Log contact dialog.
//
// The tests run in order and share what they pick. They touch customers late in the alphabet: the demo's own
// collections data (scripts/lib/demo-collections.ts) and the other specs use the first customers by name, and
// only two reminders are approved, so the statements they attach leave the other specs' picks alone.

test.describe.configure({ mode: 'serial' });

const RUNS_PATH = '/acme/collections/runs';
const WORKLIST_PATH = '/acme/collections';
/** The demo company's time zone (scripts/lib/demo-data.ts): promise dates are calendar dates there. */
const TIME_ZONE = 'America/New_York';
/** Subjects of the default policy's email levels (lib/dunning/default-policy.ts) for Acme Security. */
const REMINDER_SUBJECT =
  /^(Payment reminder from Acme Security|Second notice: payment overdue \(Acme Security\)|Final notice: management review pending \(Acme Security\))$/;

interface Customer {
  id: string;
  name: string;
}

let promised: Customer | undefined;
let disputed: Customer | undefined;

/** Today (+ `days`) in the company's time zone, as YYYY-MM-DD, on this process's (real) clock. */
function companyDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

const customerPath = (c: Customer) => `/acme/customers/${c.id}/accounting`;
const collectionsPanel = (page: Page) => page.getByRole('region', { name: 'Collections', exact: true });
const collectionLog = (page: Page) => collectionsPanel(page).getByRole('list', { name: 'Collection log, newest first' });
const previewTable = (page: Page) => page.getByRole('table', { name: "What today's run would send, per customer" });
const previewRow = (page: Page, name: string) =>
  previewTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });
const outboxRows = (page: Page) =>
  page
    .getByRole('table', { name: 'Emails in the outbox, newest first' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });

async function openCustomer(page: Page, c: Customer): Promise<void> {
  await page.goto(customerPath(c));
  await expect(page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
  await expect(collectionsPanel(page)).toBeVisible();
}

/** Reminder emails on the first outbox page (50, newest first: a run's are the newest), by customer name. */
async function reminderEmails(page: Page): Promise<{ to: string; subject: string; customer: string }[]> {
  await page.goto(`${OUTBOX_PATH}?perPage=50`);
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const found: { to: string; subject: string; customer: string }[] = [];
  for (const row of await outboxRows(page).all()) {
    const cells = row.getByRole('cell');
    const subject = ((await cells.nth(2).locator('div').first().textContent()) ?? '').trim();
    if (!REMINDER_SUBJECT.test(subject)) continue;
    found.push({ to: ((await cells.nth(1).textContent()) ?? '').trim(), subject, customer: ((await cells.nth(3).textContent()) ?? '').trim() });
  }
  return found;
}

/** "… · 12 emails · …" on the runs page: the preview's number of emails. */
async function previewEmails(page: Page): Promise<number> {
  const line = page.getByText(/invoices to flag overdue ·/);
  const m = /(\d+) emails/.exec((await line.textContent()) ?? '');
  if (!m?.[1]) throw new Error('No email count in the preview line');
  return Number(m[1]);
}

/** Presses Run now and returns the numbers of its toast. */
async function runNow(page: Page): Promise<{ emails: number; awaiting: number }> {
  await page.getByRole('button', { name: 'Run now' }).click();
  const toast = toasts(page, /^Run for \d{4}-\d{2}-\d{2}:/);
  await expect(toast).toBeVisible({ timeout: 60_000 });
  const text = (await toast.textContent()) ?? '';
  const m = /(\d+) emails? queued, (\d+) awaiting approval/.exec(text);
  if (!m) throw new Error(`Unexpected run toast: "${text}"`);
  return { emails: Number(m[1]), awaiting: Number(m[2]) };
}

/** The "Awaiting approval (N)" heading and its list (a page of 50, by customer name). */
const awaitingHeading = (page: Page) => page.getByRole('heading', { level: 2, name: /^Awaiting approval/ });
const awaitingSection = (page: Page) => page.getByRole('region', { name: /^Awaiting approval/ });
const awaitingItems = (page: Page) => awaitingSection(page).getByRole('listitem');

/** Customers of every reminder awaiting approval (walks the list's pages). */
async function awaitingNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (let n = 1; n <= 50; n++) {
    await page.goto(`${RUNS_PATH}?awaitingPage=${n}`);
    const items = awaitingItems(page);
    if ((await items.count()) === 0) return names;
    for (const t of await items.locator('summary span.font-medium').allTextContents()) names.push(t.trim());
  }
  return names;
}

/** "Held back: Disputed 3 · …": the number of customers a skip reason holds back (0 when not listed). */
async function skipCount(page: Page, reason: string): Promise<number> {
  const part = page.locator(`[data-skip-reason="${reason}"] strong`);
  return (await part.count()) === 0 ? 0 : Number(((await part.textContent()) ?? '').replace(/,/g, ''));
}

/** The preview row of a customer, on whichever page of the preview it is. */
async function findPreviewRow(page: Page, name: string): Promise<Locator> {
  for (let n = 1; n <= 50; n++) {
    await page.goto(`${RUNS_PATH}?previewPage=${n}`);
    if ((await previewTable(page).count()) === 0) break;
    const row = previewRow(page, name);
    if ((await row.count()) === 1) return row;
  }
  throw new Error(`${name} is not in the preview`);
}

async function bellButton(page: Page): Promise<Locator> {
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toBeVisible();
  return bell;
}

test.afterEach(() => resetServerClock());
test.afterAll(() => resetServerClock());

test('a call with a promise to pay; the promise breaks, the worklist raises it, completing it logs it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(`${AGING_PATH}?sort=-name`);
  await expect(dataRows(page).first()).toBeVisible();
  const first = customerLinks(dataRows(page).first());
  promised = { id: customerIdOf(await first.getAttribute('href')), name: ((await first.textContent()) ?? '').trim() };
  await openCustomer(page, promised);

  await collectionsPanel(page).getByRole('button', { name: 'Log contact' }).click();
  const dialog = page.getByRole('dialog', { name: `Log contact with ${promised.name}` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Kind').selectOption({ label: 'Call' });
  await dialog.getByLabel('Contact person').fill('Pat (accounts payable)');
  await dialog.getByLabel('Outcome').fill('Promised to pay tomorrow');
  await dialog.getByRole('checkbox', { name: 'The customer promised to pay' }).click();
  await dialog.getByLabel(/^Amount/).fill('150.00');
  const tomorrow = companyDate(1);
  await dialog.getByLabel('By', { exact: true }).fill(tomorrow);
  await dialog.getByRole('button', { name: 'Log contact' }).click();
  await expect(toasts(page, 'Call logged')).toBeVisible();
  await expect(dialog).toBeHidden();

  const log = collectionLog(page);
  await expect(log.getByRole('listitem').first()).toContainText('Promised to pay tomorrow');
  await expect(log.getByRole('listitem').first()).toContainText('with Pat (accounts payable)');
  const promises = collectionsPanel(page).getByRole('table', { name: `Promises to pay of ${promised.name}` });
  const promiseRow = promises.getByRole('row').filter({ hasText: '$150.00' });
  await expect(promiseRow).toHaveCount(1);
  await expect(promiseRow).toContainText('Promise pending');

  // Two days on, the promised date has passed with nothing paid: the promise is broken.
  await moveServerClock(2);
  await page.goto(`${WORKLIST_PATH}?type=broken_promise&scope=everyone`);
  await expect(page.getByRole('heading', { level: 1, name: 'Collections worklist' })).toBeVisible();
  await expect(page.getByText(`Due on ${companyDate(2)}`)).toBeVisible();
  const worklist = page.getByRole('table', { name: 'Worklist, by money at risk' });
  const item = worklist.getByRole('row').filter({ has: page.getByRole('link', { name: promised.name, exact: true }) });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Broken promise');
  await expect(item).toContainText('Promise broken');

  await item.getByRole('button', { name: `Complete Broken promise for ${promised.name}` }).click();
  const complete = page.getByRole('dialog', { name: 'Complete: Broken promise' });
  await expect(complete).toBeVisible();
  await complete.getByLabel('How', { exact: true }).selectOption({ label: 'Call' });
  await complete.getByLabel('Outcome').fill('Chased the missed payment (e2e)');
  await complete.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(toasts(page, 'Broken promise completed')).toBeVisible();
  await expect(complete).toBeHidden();
  await expect(page.getByRole('link', { name: promised.name, exact: true })).toHaveCount(0);

  await openCustomer(page, promised);
  const latest = collectionLog(page).getByRole('listitem').first();
  await expect(latest).toContainText('Chased the missed payment (e2e)');
  await expect(latest).toContainText('from the worklist');
  await expect(latest).toHaveAttribute('data-source', 'worklist');
});

test('a dispute on the whole customer keeps it out of the run: the preview says why', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(RUNS_PATH);
  await expect(page.getByRole('heading', { level: 1, name: 'Collections runs' })).toBeVisible();
  await expect(previewTable(page)).toBeVisible();
  const disputesBefore = await skipCount(page, 'disputed');
  const emailsBefore = await previewEmails(page);
  // The last customer the first page would email (customers with something to send come first).
  const emailRows = previewTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: /^Email/ }) });
  const names = (await emailRows.locator('td:first-child').allTextContents()).map((s) => s.trim()).filter((n) => n !== promised?.name);
  expect(names.length, 'customers the preview would email').toBeGreaterThan(1);
  const name = names[names.length - 1]!;

  await page.goto(`${AGING_PATH}?q=${encodeURIComponent(name)}`);
  const link = agingTable(page).getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  disputed = { id: customerIdOf(await link.getAttribute('href')), name };
  await openCustomer(page, disputed);

  await collectionsPanel(page).getByRole('button', { name: 'Dispute / hold' }).click();
  const dialog = page.getByRole('dialog', { name: 'Place a dispute or hold' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Kind').selectOption('dispute');
  await expect(dialog.getByLabel('On', { exact: true })).toHaveValue('');
  await dialog.getByLabel('Reason').fill('Disputes the installation charge (e2e)');
  await dialog.getByRole('button', { name: 'Place' }).click();
  await expect(toasts(page, `Dispute placed on ${name}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(collectionsPanel(page)).toContainText('Disputes the installation charge (e2e)');

  await page.goto(RUNS_PATH);
  expect(await skipCount(page, 'disputed')).toBe(disputesBefore + 1);
  expect(await previewEmails(page)).toBe(emailsBefore - 1);
  // Skipped customers come last: walk the pages to the customer's row.
  const row = await findPreviewRow(page, name);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Skipped');
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^Disputed: INV-/);
});

test('Run now prepares the reminders; approved ones are queued in the outbox, nothing twice', async ({ page }) => {
  // Two runs of the whole demo company (about 250 customers) and a few page walks.
  test.setTimeout(180_000);
  expect(disputed, 'the dispute of the previous test').toBeDefined();
  await signIn(page, 'admin');
  await page.goto(RUNS_PATH);
  await expect(page.getByText('Mode: approve first.')).toBeVisible();
  await expect(page.getByText('No run yet.')).toBeVisible();
  const expected = await previewEmails(page);
  expect(expected).toBeGreaterThan(2);
  const before = await reminderEmails(page);

  await page.goto(RUNS_PATH);
  const first = await runNow(page);
  // Approve-first: every email of the preview waits for a manager, none is queued yet.
  expect(first).toEqual({ emails: 0, awaiting: expected });
  await expect(awaitingHeading(page)).toHaveText(`Awaiting approval (${expected})`);
  await expect(page.getByTestId('last-run')).toContainText(`${expected} awaiting approval`);
  expect(await awaitingNames(page)).not.toContain(disputed!.name);

  // Approve two of them (on the first page of the list).
  await page.goto(RUNS_PATH);
  const picked: { name: string; subject: string }[] = [];
  for (const li of (await awaitingItems(page).all()).slice(0, 2)) {
    const name = ((await li.locator('summary span.font-medium').first().textContent()) ?? '').trim();
    await li.locator('summary').click();
    const subject = ((await li.locator('details > p').first().textContent()) ?? '').trim();
    expect(subject).toMatch(REMINDER_SUBJECT);
    await li.getByRole('checkbox', { name: `Select the reminder to ${name}` }).click();
    picked.push({ name, subject });
  }
  await expect(awaitingSection(page).getByText('2 selected on this page')).toBeVisible();
  await awaitingSection(page).getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(toasts(page, '2 reminders approved and queued')).toBeVisible();
  await expect(awaitingHeading(page)).toHaveText(`Awaiting approval (${expected - 2})`);

  const after = await reminderEmails(page);
  expect(after).toHaveLength(before.length + 2);
  for (const p of picked) {
    const email = after.find((e) => e.customer === p.name);
    expect(email, `the reminder email to ${p.name}`).toBeDefined();
    expect(email!.subject).toBe(p.subject);
    expect(email!.to).toMatch(/@/);
  }
  expect(after.filter((e) => e.customer === disputed!.name)).toEqual([]);
  await expect(outboxRows(page).filter({ hasText: disputed!.name })).toHaveCount(0);

  // The same day again: the run resumes, finds everything written, sends nothing twice.
  await page.goto(RUNS_PATH);
  const again = await runNow(page);
  expect(again).toEqual({ emails: 2, awaiting: expected - 2 });
  await page.reload();
  await expect(awaitingHeading(page)).toHaveText(`Awaiting approval (${expected - 2})`);
  expect(await reminderEmails(page)).toHaveLength(after.length);
});

test('the bell counts the run’s notifications; Mark all read clears the count', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(RUNS_PATH);
  const bell = await bellButton(page);
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await bell.click();
  const panel = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Notifications' }) });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('listitem').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(panel.getByRole('button', { name: 'Mark all read' })).toHaveCount(0);
  await page.reload();
  await expect(await bellButton(page)).toHaveAccessibleName('Notifications');
});

test('the aging grid filters: "On hold or disputed" and "Broken promise"', async ({ page }) => {
  expect(disputed && promised, 'the customers of the first tests').toBeTruthy();
  await signIn(page, 'admin');
  await expect(dataRows(page).first()).toBeVisible();
  const { total } = await showing(page);

  let dialog = await openFilters(page);
  await dialog.getByRole('checkbox', { name: 'On hold or disputed' }).check();
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/onHold=/);
  await expect(dataRows(page).first()).toBeVisible();
  const held = dataRows(page);
  const heldCount = await held.count();
  expect(heldCount).toBeGreaterThan(0);
  expect(heldCount).toBeLessThan(total);
  await expect(held.filter({ has: page.getByRole('link', { name: disputed!.name, exact: true }) })).toHaveCount(1);
  for (const row of await held.all()) await expect(row).toContainText(/Disputed|On hold/);
  await expect(held.filter({ has: page.getByRole('link', { name: promised!.name, exact: true }) })).toHaveCount(0);

  // Broken promises not followed up: exactly the worklist's broken-promise customers (the demo's; ours was followed up).
  await page.goto(`${WORKLIST_PATH}?type=broken_promise&scope=everyone`);
  await expect(page.getByRole('heading', { level: 1, name: 'Collections worklist' })).toBeVisible();
  const worklistNames = (await page.getByRole('table', { name: 'Worklist, by money at risk' }).getByRole('link').allTextContents()).map((s) =>
    s.trim(),
  );
  expect(worklistNames.length).toBeGreaterThan(0);
  expect(worklistNames).not.toContain(promised!.name);

  await page.goto(AGING_PATH);
  dialog = await openFilters(page);
  await dialog.getByRole('checkbox', { name: 'Broken promise (not followed up)' }).check();
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/brokenPromise=/);
  await expect(dataRows(page).first()).toBeVisible();
  const broken = (await customerLinks(dataRows(page)).allTextContents()).map((s) => s.trim());
  expect(new Set(broken)).toEqual(new Set(worklistNames));
  for (const row of await dataRows(page).all()) await expect(row).toContainText(/Promise (broken|partly kept)/);
});

test('keyboard: Enter opens Log contact, Escape closes it, focus returns to the button', async ({ page }) => {
  expect(promised).toBeDefined();
  await signIn(page, 'admin');
  await page.goto(customerPath(promised!));
  await expect(collectionsPanel(page)).toBeVisible();
  const button = collectionsPanel(page).getByRole('button', { name: 'Log contact' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Log contact with ${promised!.name}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Kind')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('When')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});
