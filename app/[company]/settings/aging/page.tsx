import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { getAgingSchemeSettings } from '@/lib/settings/get-aging-scheme-settings';
import { listBillSources } from '@/lib/billing/list-bill-sources';
import { PageShell } from '@/components/layout/page-shell';
import { AgingSchemeForm } from '@/components/settings/aging-scheme-form';
import { SchemeScopePicker } from '@/components/settings/scheme-scope-picker';
import { SettingsNav } from '@/components/settings/settings-nav';

export const metadata: Metadata = { title: 'Aging periods' };

export default async function AgingSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<{ source?: string }>;
}) {
  const { company: slug } = await params;
  const { source } = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/settings/aging`);
  const [settings, sources] = await Promise.all([getAgingSchemeSettings(access, source ?? null), listBillSources(access.company.id)]);
  const editable = can(access, 'company.manage');
  return (
    <PageShell user={user} slug={slug} active="settings">
      <SettingsNav slug={slug} active="aging" />
      <h1 className="text-2xl font-bold tracking-tight">Aging periods</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-500">
        How open balances are grouped on the aging page, its exports, customer statements and reminders. A bill source may have periods of its own,
        used when the aging page shows that bill source. A change applies at once, to every date, including past as-of dates.
        {editable ? null : ' Only company admins can change them.'}
      </p>
      {sources.length > 0 ? <SchemeScopePicker slug={slug} sources={sources} selected={settings.billSource?.id ?? ''} /> : null}
      {settings.billSource && !settings.customized ? (
        <p className="mt-4 rounded-lg border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900" role="status">
          {settings.billSource.name} has no periods of its own and ages by the company&apos;s, shown below. Save to give it its own.
        </p>
      ) : null}
      <AgingSchemeForm
        key={settings.billSource?.id ?? 'company'}
        slug={slug}
        scheme={settings.scheme}
        presets={settings.presets}
        editable={editable}
        billSource={settings.billSource}
        customized={settings.customized}
        currency={access.company.baseCurrency}
      />
    </PageShell>
  );
}
