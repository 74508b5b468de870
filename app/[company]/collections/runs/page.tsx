import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { listAwaitingReminders } from '@/lib/dunning/list-awaiting-reminders';
import { listDunningRuns } from '@/lib/dunning/list-dunning-runs';
import { previewDunningRun } from '@/lib/dunning/preview-dunning-run';
import { PageShell } from '@/components/layout/page-shell';
import { AwaitingReminders } from '@/components/dunning/awaiting-reminders';
import { DunningPreviewTable } from '@/components/dunning/dunning-preview-table';
import { RunHistoryTable } from '@/components/dunning/run-history-table';
import { RunNowButton } from '@/components/dunning/run-now-button';

export const metadata: Metadata = { title: 'Collections runs' };

export default async function CollectionsRunsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/collections/runs`);
  if (!can(access, 'company.manage')) {
    return (
      <PageShell user={user} slug={slug} active="collections">
        <h1 className="text-2xl font-bold tracking-tight">Collections runs</h1>
        <p className="mt-6 rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">Only company admins can see and start runs.</p>
      </PageShell>
    );
  }
  const [preview, awaiting, runs] = await Promise.all([previewDunningRun(access), listAwaitingReminders(access), listDunningRuns(access)]);
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
        <RunNowButton slug={slug} />
      </div>
      <section className="mt-8" aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Today ({preview.runOn})
        </h2>
        <p className="text-sm text-slate-600">
          {preview.toFlag} invoices to flag overdue · {t.emails} emails · {t.calls} call tasks · {t.letters} letter tasks · {t.skipped} customers
          skipped
        </p>
        <DunningPreviewTable preview={preview} />
      </section>
      <section className="mt-10" aria-labelledby="awaiting-heading">
        <h2 id="awaiting-heading" className="text-lg font-semibold">
          Awaiting approval
        </h2>
        <AwaitingReminders slug={slug} reminders={awaiting} />
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
