import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { AppError } from '@/lib/errors/app-error';
import { getWorklist } from '@/lib/collections/get-worklist';
import { listCollectors } from '@/lib/collections/list-collectors';
import { worklistParamsInput } from '@/lib/collections/worklist-params';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { WorklistView } from '@/components/collections/worklist-view';

export const metadata: Metadata = { title: 'Collections worklist' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CollectionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/collections`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="collections">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);
  const manager = can(access, 'company.manage');
  const header = (subtitle: string) => (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Collections worklist</h1>
        <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
      </div>
      <div className="flex gap-4">
        <Link href={`/${slug}/collections/runs`} className="text-sm font-medium text-brand-700 hover:underline">
          Reminder runs
        </Link>
        {manager ? (
          <Link href={`/${slug}/collections/finance-charges`} className="text-sm font-medium text-brand-700 hover:underline">
            Finance charges
          </Link>
        ) : null}
      </div>
    </div>
  );
  try {
    const [worklist, collectors] = await Promise.all([
      getWorklist(
        access,
        worklistParamsInput((k) => {
          const v = sp[k];
          return Array.isArray(v) ? v[0] : v;
        }),
      ),
      manager ? listCollectors(access.company.id) : Promise.resolve([]),
    ]);
    return shell(
      <>
        {header(`Due on ${worklist.today} · ${worklist.totalRows} item${worklist.totalRows === 1 ? '' : 's'} · largest money at risk first`)}
        <WorklistView slug={slug} worklist={worklist} manager={manager} collectors={collectors} />
      </>,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {header(access.company.name)}
        <ErrorBanner title="Cannot show this worklist" message={error.message} resetHref={`/${slug}/collections`} />
      </>,
    );
  }
}
