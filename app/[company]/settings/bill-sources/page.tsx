import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { listBillSources } from '@/lib/billing/list-bill-sources';
import { PageShell } from '@/components/layout/page-shell';
import { BillSourcesPanel } from '@/components/settings/bill-sources-panel';
import { SettingsNav } from '@/components/settings/settings-nav';

export const metadata: Metadata = { title: 'Bill sources' };

export default async function BillSourcesPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/settings/bill-sources`);
  const sources = await listBillSources(access.company.id);
  const editable = can(access, 'company.manage');
  return (
    <PageShell user={user} slug={slug} active="settings">
      <SettingsNav slug={slug} active="bill-sources" />
      <h1 className="text-2xl font-bold tracking-tight">Bill sources</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-500">
        What invoices bill for (Monitoring, Installation, Service…) and how often each is billed. The aging page can show one bill source, aged by its
        own periods: by days, by its billing periods or by calendar months.
        {editable ? null : ' Only company admins can change them.'}
      </p>
      <BillSourcesPanel slug={slug} sources={sources} editable={editable} />
    </PageShell>
  );
}
