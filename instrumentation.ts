/**
 * Next.js calls register() once when a server instance starts. The parent watch, the outbox sender and the
 * aging totals folder run in the Node.js runtime of a running server only: not in the edge runtime (the dynamic import keeps
 * nodemailer and Prisma out of that bundle) and not while `next build` prerenders pages.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.AGEWISE_E2E === '1') (await import('./lib/process/test-clock')).installTestClock(process.env.AGEWISE_TEST_CLOCK_FILE);
  const { exitWithParent } = await import('./lib/process/exit-with-parent');
  exitWithParent(Number(process.env.AGEWISE_PARENT_PID) || undefined);
  const { startOutboxSender } = await import('./lib/email/outbox-sender');
  const { startAgingTotalsFolder } = await import('./lib/receivables/aging-totals-folder');
  startOutboxSender();
  startAgingTotalsFolder();
  // The nightly collections run (pg-boss schedule): only in the app process, not under the browser tests
  // (their pinned data must not change behind them) nor with AGEWISE_JOBS=off.
  if (process.env.AGEWISE_E2E !== '1' && process.env.AGEWISE_JOBS !== 'off') void (await import('./lib/jobs/start-jobs')).startJobs();
  // The browser suite's server builds the aging snapshots and expected cash once, so the dashboard has its trend.
  else if (process.env.AGEWISE_E2E === '1') void (await import('./lib/jobs/snapshot-jobs')).keepEveryCompanysSnapshots(new Date(), { notify: false });
}
