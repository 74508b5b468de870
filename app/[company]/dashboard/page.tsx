import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import { PageShell } from '@/components/layout/page-shell';
import { NoAccess } from '@/components/layout/no-access';
import { AgingSummary, shareOf } from '@/components/aging/aging-summary';
import { agingDetailHref } from '@/components/aging/aging-detail-href';
import { ForecastChart } from '@/components/dashboard/forecast-chart';
import { TrendChart } from '@/components/dashboard/trend-chart';
import { formatInstantDateTime } from '@/lib/aging/format-instant';
import { cn } from '@/components/ui/cn';

export const metadata: Metadata = { title: 'Dashboard' };

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

export default async function DashboardPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/dashboard`);
  const shell = (children: React.ReactNode) => (
    <PageShell user={user} slug={slug} active="dashboard">
      {children}
    </PageShell>
  );
  if (access.viewLocations.length === 0) return shell(<NoAccess companyName={access.company.name} />);
  const d = await getDashboard(access);
  const money = (m: number) => formatMoney(m, d.currency);
  const tiles: { label: string; value: string; note?: string }[] = [
    { label: 'Total AR', value: money(d.totals.ar) },
    { label: 'Overdue', value: money(d.totals.overdue), note: `${pct(d.totals.overdueShare)} of AR` },
    { label: 'DSO', value: d.dso === null ? '—' : `${d.dso} days`, note: `on ${money(d.sales90)} invoiced in 90 days` },
    { label: 'Unapplied cash', value: money(d.totals.unapplied) },
  ];
  const trendWeeks = d.trend.weeks.map((w) => ({ label: formatCalendarDate(w.weekEnd, 'short').replace(/, \d{4}$/, ''), ...(w.amounts ?? {}) }));
  const pending = d.trend.weeks.filter((w) => w.amounts === null).length;
  const creep = d.trend.creep;
  const weeks = d.forecast.map((w, i) => ({ ...w, label: i === 0 ? 'This week' : formatCalendarDate(w.weekStart, 'short').replace(/, \d{4}$/, '') }));
  return shell(
    <>
      <div className="mb-5">
        <h1 className="text-2xl font-bold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-500">
          {access.company.name} · {d.currency} · as of {d.asOf} · {access.viewLocations.length} location{access.viewLocations.length === 1 ? '' : 's'}
        </p>
      </div>
      <div className="space-y-6">
        {creep ? (
          <div role="status" data-alert="aging-creep" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-semibold">Over 60 days past due has risen three weeks in a row</p>
            <p className="tabular mt-1">
              {creep.map((p) => `${pct(p.over60Share ?? 0)} (${formatCalendarDate(p.weekEnd, 'short')})`).join(' → ')} of AR.
            </p>
          </div>
        ) : null}
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          {tiles.map((t) => (
            <div key={t.label} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t.label}</dt>
              <dd className="tabular mt-1 text-2xl font-bold text-slate-900">{t.value}</dd>
              {t.note ? <dd className="mt-1 text-xs text-slate-500">{t.note}</dd> : null}
            </div>
          ))}
        </dl>

        <AgingSummary
          buckets={d.buckets}
          summary={{ amounts: d.amounts, unapplied: d.totals.unapplied, total: d.totals.ar - d.totals.unapplied }}
          currency={d.currency}
          bucketHref={(bucket) => agingDetailHref(slug, { bucket })}
        />

        <section aria-labelledby="health" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="health" className="text-sm font-semibold">
            Health
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {d.health.map((h) => (
              <li
                key={h.key}
                data-health={h.key}
                className={cn('rounded-lg border p-3', h.ok ? 'border-emerald-200 bg-emerald-50' : 'border-red-200 bg-red-50')}
              >
                <p className={cn('text-sm font-semibold', h.ok ? 'text-emerald-800' : 'text-red-800')}>
                  {h.ok ? 'Healthy' : 'Over the threshold'}: {h.label}
                </p>
                <p className="tabular mt-1 text-sm text-slate-700">
                  {pct(h.share)} of AR ({money(h.amount)}); threshold under {pct(h.maxShare)}
                </p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="trend" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="trend" className="text-sm font-semibold">
            AR trend, 13 weeks
          </h2>
          <p className="text-xs text-slate-500">
            What was owed at each week end (Saturday) on the invoices dated by then, by today&apos;s periods, kept exact when payments are recorded
            late.
            {pending > 0 ? ` ${pending} of the weeks are still being prepared.` : ''}
          </p>
          <TrendChart weeks={trendWeeks} buckets={d.trend.buckets} currency={d.currency} />
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Table view</summary>
            <div className="overflow-x-auto">
              <table className="mt-2 w-full text-sm">
                <caption className="sr-only">AR by aging period at each week end</caption>
                <thead className="text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th scope="col" className="py-1 text-left font-medium">
                      Week ending
                    </th>
                    {d.trend.buckets.map((b) => (
                      <th key={b.key} scope="col" className="py-1 text-right font-medium">
                        {b.label}
                      </th>
                    ))}
                    <th scope="col" className="py-1 text-right font-medium">
                      Total
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      Over 60 days
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {d.trend.weeks.map((w) => (
                    <tr key={w.weekEnd} data-week={w.weekEnd}>
                      <th scope="row" className="py-1 text-left font-normal">
                        {formatCalendarDate(w.weekEnd, 'short')}
                      </th>
                      {w.amounts === null ? (
                        <td colSpan={d.trend.buckets.length + 2} className="py-1 text-right text-slate-500">
                          Being prepared
                        </td>
                      ) : (
                        <>
                          {d.trend.buckets.map((b) => (
                            <td key={b.key} data-bucket={b.key} className="tabular py-1 text-right">
                              {money(w.amounts![b.key] ?? 0)}
                            </td>
                          ))}
                          <td className="tabular py-1 text-right font-semibold">{money(w.total ?? 0)}</td>
                          <td className="tabular py-1 text-right">{pct(w.over60Share ?? 0)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>

        <section aria-labelledby="forecast" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="forecast" className="text-sm font-semibold">
            Cash forecast, 13 weeks
          </h2>
          <p className="text-xs text-slate-500">
            Weeks start on Sunday. Due: open balances by due date, everything overdue in this week. Promised: pending promises to pay, at their dates.
            Expected: open balances moved by how many days late each customer paid over the last year
            {d.expectedAt ? ` (computed ${formatInstantDateTime(d.expectedAt.toISOString(), access.company.timeZone)})` : ' (not computed yet)'}.
          </p>
          <ForecastChart weeks={weeks} currency={d.currency} />
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">Table view</summary>
            <table className="mt-2 w-full max-w-xl text-sm">
              <caption className="sr-only">Cash forecast by week</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-1 text-left font-medium">
                    Week of
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Due
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Promised
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Expected
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {weeks.map((w) => (
                  <tr key={w.weekStart}>
                    <th scope="row" className="py-1 text-left font-normal">
                      {formatCalendarDate(w.weekStart, 'short')}
                    </th>
                    <td className="tabular py-1 text-right">{money(w.committed)}</td>
                    <td className="tabular py-1 text-right">{money(w.promised)}</td>
                    <td className="tabular py-1 text-right">{money(w.expected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>

        <section aria-labelledby="risks" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="risks" className="text-sm font-semibold">
            Largest risks
          </h2>
          {d.risks.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">Nothing is overdue.</p>
          ) : (
            <table className="mt-2 w-full text-sm">
              <caption className="sr-only">The five customers most overdue</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-1 text-left font-medium">
                    Customer
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Oldest overdue
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Overdue
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Share of overdue
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.risks.map((r) => (
                  <tr key={r.customer.id}>
                    <td className="py-1.5">
                      <Link href={`/${slug}/customers/${r.customer.id}/accounting`} className="font-medium text-brand-700 hover:underline">
                        {r.customer.name}
                      </Link>
                    </td>
                    <td className="tabular py-1.5 text-right">{r.daysOverdue} days</td>
                    <td className="tabular py-1.5 text-right font-semibold">{money(r.overdue)}</td>
                    <td className="tabular py-1.5 text-right">{shareOf(r.overdue, d.totals.overdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>,
  );
}
