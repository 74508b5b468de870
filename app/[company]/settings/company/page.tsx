import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { getCompanyProfile } from '@/lib/settings/get-company-profile';
import { PageShell } from '@/components/layout/page-shell';
import { CompanyProfileForm } from '@/components/settings/company-profile-form';
import { SettingsNav } from '@/components/settings/settings-nav';
import { can } from '@/lib/auth/can';

export const metadata: Metadata = { title: 'Company settings' };

export default async function CompanySettingsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/settings/company`);
  const isAdmin = can(access, 'company.manage');
  return (
    <PageShell user={user} slug={slug} active="settings">
      <SettingsNav slug={slug} active="company" />
      <h1 className="text-2xl font-bold tracking-tight">Company settings</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-500">
        What {access.company.name}&apos;s invoices and statements print, and the limits of the bulk actions on the aging page.
      </p>
      {isAdmin ? (
        <CompanyProfileForm slug={slug} profile={await getCompanyProfile(access.company.id)} />
      ) : (
        <p className="mt-6 rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">Only company admins can change these settings.</p>
      )}
    </PageShell>
  );
}
