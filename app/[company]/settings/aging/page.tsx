import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { getAgingSchemeSettings } from '@/lib/settings/get-aging-scheme-settings';
import { PageShell } from '@/components/layout/page-shell';
import { AgingSchemeForm } from '@/components/settings/aging-scheme-form';
import { SettingsNav } from '@/components/settings/settings-nav';

export const metadata: Metadata = { title: 'Aging periods' };

export default async function AgingSettingsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/settings/aging`);
  const settings = await getAgingSchemeSettings(access);
  const editable = can(access, 'company.manage');
  return (
    <PageShell user={user} slug={slug} active="settings">
      <SettingsNav slug={slug} active="aging" />
      <h1 className="text-2xl font-bold tracking-tight">Aging periods</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-500">
        How open balances are grouped by days past due on the aging page, its exports, customer statements and reminders. A change applies at once, to
        every date, including past as-of dates.
        {editable ? null : ' Only company admins can change them.'}
      </p>
      <AgingSchemeForm slug={slug} scheme={settings.scheme} presets={settings.presets} editable={editable} />
    </PageShell>
  );
}
