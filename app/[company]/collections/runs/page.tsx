import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { previewDunningRun } from '@/lib/dunning/preview-dunning-run';
import { listAwaitingReminders } from '@/lib/dunning/list-awaiting-reminders';
import { listDunningRuns } from '@/lib/dunning/list-dunning-runs';
import { PageShell } from '@/components/layout/page-shell';
import { ListPagination } from '@/components/ui/list-pagination';
import { AwaitingReminders } from '@/components/dunning/awaiting-reminders';
import { DecideAllDialog } from '@/components/dunning/decide-all-dialog';
import { DunningPreviewTable } from '@/components/dunning/dunning-preview-table';
import { LastRunSummary } from '@/components/dunning/last-run-summary';
import { RunHistoryTable } from '@/components/dunning/run-history-table';
import { RunNowButton } from '@/components/dunning/run-now-button';
import { SkipSummary } from '@/components/dunning/skip-summary';

export const metadata: Metadata = { title: 'Collections runs' };

type SearchParams = Record<string, string | string[] | undefined>;

/** A page number from the URL; anything else is the first page (a stale or hand-edited link still opens). */
const pageParam = (v: string | string[] | undefined) => {
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^[1-9]\d{0,4}$/.test(s) ? Number(s) : 1;
};

export default async function CollectionsRunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/collections/runs`);
  if (!can(access, 'company.manage')) {
    return (
      <PageShell user={user} slug={slug} active="collections">
        <h1 className="text-2xl font-bold tracking-tight">Collections runs</h1>
        <p className="mt-6 rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">Only company admins can see and start runs.</p>
      </PageShell>
    );
  }
  const previewPage = pageParam(sp.previewPage);
  const awaitingPage = pageParam(sp.awaitingPage);
  // Each list keeps the other's page, so paging one does not reset the other.
  const href = (next: { previewPage?: number; awaitingPage?: number }, anchor: string) => {
    const q = new URLSearchParams();
    const pp = next.previewPage ?? previewPage;
    const ap = next.awaitingPage ?? awaitingPage;
    if (pp > 1) q.set('previewPage', String(pp));
    if (ap > 1) q.set('awaitingPage', String(ap));
    const query = q.toString();
    return `/${slug}/collections/runs${query ? `?${query}` : ''}#${anchor}`;
  };
  const [preview, awaiting, runs] = await Promise.all([
    previewDunningRun(access, { page: previewPage }),
    listAwaitingReminders(access, { page: awaitingPage }),
    listDunningRuns(access),
  ]);
  const t = preview.totals;
  return (
    <PageShell user={user} slug={slug} active="collections">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Collections runs</h1>
          <p className="mt-1 text-sm text-slate-500">
            Runs every night at 02:00 ({access.company.timeZone}). Mode: {preview.mode === 'automatic' ? 'automatic' : 'approve first'}.
          </p>
        </div>
        <div className="flex items-center gap-4">
          <LastRunSummary run={runs[0]} timeZone={access.company.timeZone} />
          <RunNowButton slug={slug} />
        </div>
      </div>
      <section className="mt-8 scroll-mt-4" id="preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Today ({preview.runOn})
        </h2>
        <p className="text-sm text-slate-600">
          {preview.toFlag} invoices to flag overdue · {t.emails} emails · {t.calls} call tasks · {t.letters} letter tasks · {t.skipped} customers
          skipped
        </p>
        <SkipSummary summary={preview.skipSummary} />
        <DunningPreviewTable enabled={preview.enabled} rows={preview.rows} totalRows={preview.totalRows} />
        {preview.enabled && preview.totalRows > 0 ? (
          <ListPagination
            noun={['customer', 'customers']}
            label="Preview pages"
            page={preview.page}
            perPage={preview.perPage}
            totalRows={preview.totalRows}
            totalPages={preview.totalPages}
            hrefFor={(page) => href({ previewPage: page }, 'preview')}
          />
        ) : null}
      </section>
      {/* "Approve all" sits by the heading, outside the list's region: it decides every page, not the selection. */}
      <div className="mt-10 flex scroll-mt-4 flex-wrap items-end justify-between gap-3" id="awaiting">
        <h2 id="awaiting-heading" className="text-lg font-semibold">
          Awaiting approval{awaiting.totalRows > 0 ? ` (${awaiting.totalRows.toLocaleString('en-US')})` : ''}
        </h2>
        {awaiting.totalRows > 0 ? (
          <div role="group" aria-label="Every reminder awaiting approval" className="flex flex-wrap items-center gap-2">
            <DecideAllDialog slug={slug} decision="approve" total={awaiting.totalRows} />
            <DecideAllDialog slug={slug} decision="cancel" total={awaiting.totalRows} />
          </div>
        ) : null}
      </div>
      <section aria-labelledby="awaiting-heading">
        <AwaitingReminders key={awaiting.page} slug={slug} reminders={awaiting.rows} total={awaiting.totalRows} />
        {awaiting.totalRows > 0 ? (
          <ListPagination
            noun={['reminder', 'reminders']}
            label="Awaiting approval pages"
            page={awaiting.page}
            perPage={awaiting.perPage}
            totalRows={awaiting.totalRows}
            totalPages={awaiting.totalPages}
            hrefFor={(page) => href({ awaitingPage: page }, 'awaiting')}
          />
        ) : null}
      </section>
      <section className="mt-10" aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <RunHistoryTable runs={runs} />
      </section>
    </PageShell>
  );
}
