import type { Metadata } from 'next';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { listUnapplied } from '@/lib/ledger/list-unapplied';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { UnappliedList } from '@/components/ledger/unapplied-list';
import { unappliedListHref } from '@/components/ledger/ledger-hrefs';
import { can } from '@/lib/auth/can';

export const metadata: Metadata = { title: 'Customer credits' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CustomerCreditsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/credits`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="payments">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);

  const header = (
    <div className="mb-5">
      <h1 className="text-2xl font-bold tracking-tight">Customer credits</h1>
      <p className="mt-1 text-sm text-slate-500">Credit notes of {access.company.name} with credit left to apply to invoices, oldest first.</p>
    </div>
  );
  const first = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  let list: Awaited<ReturnType<typeof listUnapplied>>;
  try {
    list = await listUnapplied(access, { kind: 'credit_note', page: first('page'), perPage: first('perPage') });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {header}
        <ErrorBanner title="Cannot show these credits" message={error.message} resetHref={unappliedListHref(slug, 'credit_note')} />
      </>,
    );
  }
  return shell(
    <>
      {header}
      <UnappliedList slug={slug} kind="credit_note" list={list} canApply={can(access, 'invoices.modify')} />
    </>,
  );
}
