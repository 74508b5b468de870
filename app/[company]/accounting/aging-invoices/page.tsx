import type { Metadata } from 'next';
import { firstSearchParam } from '@/lib/validation/url-query';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { AppError } from '@/lib/errors/app-error';
import { agingParamsInput, agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { listAgingCurrencies } from '@/lib/receivables/list-aging-currencies';
import { resolveLocationFilter } from '@/lib/receivables/resolve-location-filter';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { ErrorBanner } from '@/components/ui/error-banner';
import { AgingView } from '@/components/aging/aging-view';
import { agingHref } from '@/components/aging/aging-href';
import { permittedLocations } from '@/lib/auth/can';
import { listBillSources } from '@/lib/billing/list-bill-sources';

export const metadata: Metadata = { title: 'Aging invoices' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AgingInvoicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const sp = await searchParams;
  const { user, access } = await requirePageAccess(slug, `/${slug}/accounting/aging-invoices`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="aging">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);

  const today = todayInTimeZone(access.company.timeZone);
  const header = (subtitle: string) => (
    <div className="mb-5">
      <h1 className="text-2xl font-bold tracking-tight">Aging invoices</h1>
      <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
    </div>
  );

  const parsed = agingParamsSchema.safeParse(agingParamsInput(firstSearchParam(sp)));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return shell(
      <>
        {header(access.company.name)}
        <ErrorBanner title="Some filters are not valid" message={message} resetHref={agingHref(slug, {})} />
      </>,
    );
  }
  const p = parsed.data;
  try {
    const [report, currencies, billSources] = await Promise.all([
      getAgingPage(access, p),
      listAgingCurrencies(access.company.id, access.company.baseCurrency, resolveLocationFilter(access, p.locations)),
      listBillSources(access.company.id),
    ]);
    const names = access.viewLocations.filter((l) => p.locations.includes(l.id)).map((l) => l.name);
    const scope = names.length ? names.join(', ') : `All your locations (${access.viewLocations.length})`;
    const modify = new Set(permittedLocations(access, 'invoices.modify'));
    const modifyLocations = access.viewLocations.filter((l) => modify.has(l.id));
    return shell(
      <>
        {header(
          `As of ${report.asOf}${report.asOf === today ? ' (today)' : ''} · ${report.currency} · ${scope}${report.billSource ? ` · ${report.billSource.name} only` : ''}`,
        )}
        <AgingView
          slug={slug}
          report={report}
          locations={access.viewLocations}
          currencies={currencies}
          billSources={billSources}
          baseCurrency={access.company.baseCurrency}
          today={today}
          canGenerate={modifyLocations.length > 0}
          modifyLocations={modifyLocations}
          timeZone={access.company.timeZone}
          state={{
            asOf: p.asOf,
            locations: p.locations,
            currency: p.currency,
            page: p.page,
            perPage: p.perPage,
            sort: report.sort,
            q: p.q,
            notContactedDays: p.notContactedDays,
            brokenPromise: p.brokenPromise,
            onHold: p.onHold,
            billSource: p.billSource,
          }}
        />
      </>,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return shell(
      <>
        {header(access.company.name)}
        <ErrorBanner title="Cannot show these results" message={error.message} resetHref={agingHref(slug, {})} />
      </>,
    );
  }
}
