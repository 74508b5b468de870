import type { Metadata } from 'next';
import Link from 'next/link';
import { FileUp } from 'lucide-react';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { AppError } from '@/lib/errors/app-error';
import { listUnapplied } from '@/lib/ledger/list-unapplied';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { UnappliedList } from '@/components/ledger/unapplied-list';
import { unappliedListHref } from '@/components/ledger/ledger-hrefs';
import { can } from '@/lib/auth/can';

export const metadata: Metadata = { title: 'Unapplied payments' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function UnappliedPaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/payments`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="payments">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);

  const header = (
    <div className="mb-5 flex flex-wrap items-start gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Unapplied payments</h1>
        <p className="mt-1 text-sm text-slate-500">Money received by {access.company.name} that is not yet applied to invoices, oldest first.</p>
      </div>
      {can(access, 'invoices.modify') ? (
        <Link
          href={`/${slug}/accounting/payments/import`}
          className="ml-auto inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
        >
          <FileUp className="size-4" aria-hidden /> Import payments (CSV)
        </Link>
      ) : null}
      {can(access, 'invoices.modify') ? (
        <Link
          href={`/${slug}/accounting/import-invoices`}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
        >
          <FileUp className="size-4" aria-hidden /> Import invoices (CSV)
        </Link>
      ) : null}
    </div>
  );
  const first = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  let list: Awaited<ReturnType<typeof listUnapplied>>;
  try {
    list = await listUnapplied(access, { kind: 'payment', page: first('page'), perPage: first('perPage') });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {header}
        <ErrorBanner title="Cannot show these payments" message={error.message} resetHref={unappliedListHref(slug, 'payment')} />
      </>,
    );
  }
  return shell(
    <>
      {header}
      <UnappliedList slug={slug} kind="payment" list={list} canApply={can(access, 'invoices.modify')} />
    </>,
  );
}
