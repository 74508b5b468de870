import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { getCollectionsSettings } from '@/lib/dunning/get-collections-settings';
import { PageShell } from '@/components/layout/page-shell';
import { DunningPolicyForm } from '@/components/dunning/dunning-policy-form';
import { LocationCollectorsForm } from '@/components/dunning/location-collectors-form';
import { SettingsNav } from '@/components/settings/settings-nav';

export const metadata: Metadata = { title: 'Collections settings' };

export default async function CollectionsSettingsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/settings/collections`);
  const settings = can(access, 'company.manage') ? await getCollectionsSettings(access) : null;
  return (
    <PageShell user={user} slug={slug} active="settings">
      <SettingsNav slug={slug} active="collections" />
      <h1 className="text-2xl font-bold tracking-tight">Collections settings</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-500">
        The nightly run (02:00 in the company&apos;s time zone) flags invoices that became overdue and prepares reminders by this policy. See what it
        would send on the{' '}
        <Link href={`/${slug}/collections/runs`} className="text-brand-700 underline">
          runs page
        </Link>
        .
      </p>
      {settings ? (
        <>
          <DunningPolicyForm slug={slug} policy={settings.policy} />
          <section className="mt-10" aria-labelledby="collectors-heading">
            <h2 id="collectors-heading" className="text-lg font-semibold">
              Default collectors
            </h2>
            <p className="text-sm text-slate-500">Customers without their own collector belong to their location&apos;s.</p>
            <LocationCollectorsForm slug={slug} locations={settings.locations} collectors={settings.collectors} />
          </section>
        </>
      ) : (
        <p className="mt-6 rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">Only company admins can change these settings.</p>
      )}
    </PageShell>
  );
}
