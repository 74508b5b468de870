import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { unappliedListHref, type CreditKind } from './ledger-hrefs';

const TABS: { kind: CreditKind; label: string }[] = [
  { kind: 'payment', label: 'Unapplied payments' },
  { kind: 'credit_note', label: 'Customer credits' },
];

/** Switches between the Unapplied Payments and Customer Credits pages; the current one is aria-current. */
export function LedgerTabs({ slug, current }: { slug: string; current: CreditKind }) {
  return (
    <nav aria-label="Payments and credits">
      <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
        {TABS.map((t) => {
          const on = t.kind === current;
          return (
            <li key={t.kind}>
              <Link href={unappliedListHref(slug, t.kind)} aria-current={on ? 'page' : undefined}
                className={cn('inline-flex h-8 items-center rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600',
                  on ? 'bg-brand-600 text-white' : 'text-slate-600 hover:bg-slate-100')}>
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
