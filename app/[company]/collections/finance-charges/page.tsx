import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageAccess } from '@/lib/auth/require-page-access';
import { can } from '@/lib/auth/can';
import { planFinanceCharges } from '@/lib/finance-charges/plan-finance-charges';
import { formatMoney } from '@/lib/money/currency';
import { PageShell } from '@/components/layout/page-shell';
import { RunFinanceChargesButton } from '@/components/finance-charges/run-finance-charges-button';

export const metadata: Metadata = { title: 'Finance charges' };

/** Most rows listed: the run itself covers every customer. */
const SHOWN = 500;

export default async function FinanceChargesPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { user, access } = await requirePageAccess(slug, `/${slug}/collections/finance-charges`);
  const title = <h1 className="text-2xl font-bold tracking-tight">Finance charges</h1>;
  if (!can(access, 'company.manage')) {
    return (
      <PageShell user={user} slug={slug} active="collections">
        {title}
        <p className="mt-6 rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">Only company admins can run finance charges.</p>
      </PageShell>
    );
  }
  const plan = await planFinanceCharges(access);
  const money = (m: number) => formatMoney(m, plan.currency);
  const month = new Date(`${plan.month}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const charging = plan.rules.some((r) => r.rule !== 'No finance charge');
  return (
    <PageShell user={user} slug={slug} active="collections">
      <div className="mb-5 flex flex-wrap items-end justify-between gap-4">
        <div>
          {title}
          <p className="mt-1 text-sm text-slate-500">
            {month} · overdue {plan.currency} balances as of {plan.asOf} · one invoice per customer and month
          </p>
        </div>
        <RunFinanceChargesButton
          slug={slug}
          customers={plan.toCharge.customers}
          label={`Create ${plan.toCharge.customers} invoice${plan.toCharge.customers === 1 ? '' : 's'} (${money(plan.toCharge.chargeMinor)})`}
        />
      </div>
      <section aria-labelledby="fc-rules" className="mb-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="fc-rules" className="text-sm font-semibold">
          Rules
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          {plan.rules.map((r) => (
            <li key={r.scheme}>
              <span className="font-medium">{r.scheme}:</span> {r.rule}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-500">
          Set them with the aging periods (
          <Link href={`/${slug}/settings/aging`} className="text-brand-700 hover:underline">
            Settings → Aging periods
          </Link>
          ). Held and disputed invoices, and finance charges themselves, are not charged.
        </p>
      </section>
      {plan.rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-600" role="status">
          {charging
            ? 'No customer has an overdue balance that the rules charge.'
            : 'No scheme has a finance charge: set one under Settings → Aging periods.'}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm">
            <caption className="sr-only">Finance charges by customer</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 text-left font-medium">
                  Customer
                </th>
                <th scope="col" className="px-4 py-2 text-left font-medium">
                  Charged for
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Overdue charged
                </th>
                <th scope="col" className="px-4 py-2 text-right font-medium">
                  Charge
                </th>
                <th scope="col" className="px-4 py-2 text-left font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plan.rows.slice(0, SHOWN).map((r) => (
                <tr key={r.customerId}>
                  <td className="px-4 py-2">
                    <Link href={`/${slug}/customers/${r.customerId}/accounting`} className="font-medium text-brand-700 hover:underline">
                      {r.customerName}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-slate-600">{r.lines.map((l) => l.scheme).join(', ')}</td>
                  <td className="tabular px-4 py-2 text-right">{money(r.lines.reduce((t, l) => t + l.chargedBalanceMinor, 0))}</td>
                  <td className="tabular px-4 py-2 text-right font-semibold">{money(r.chargeMinor)}</td>
                  <td className="px-4 py-2">
                    {r.alreadyCharged ? (
                      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Charged this month</span>
                    ) : (
                      <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">To charge</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">
              <tr>
                <th scope="row" colSpan={3} className="px-4 py-2 text-left">
                  To charge now: {plan.toCharge.customers} customer{plan.toCharge.customers === 1 ? '' : 's'}
                </th>
                <td className="tabular px-4 py-2 text-right">{money(plan.toCharge.chargeMinor)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          {plan.rows.length > SHOWN ? (
            <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500">
              The first {SHOWN} of {plan.rows.length} customers are listed; the run covers them all.
            </p>
          ) : null}
        </div>
      )}
    </PageShell>
  );
}
