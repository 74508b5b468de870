import Link from 'next/link';
import { cn } from '@/components/ui/cn';

const TABS = [
  { value: undefined, label: 'All' },
  { value: 'queued', label: 'Queued' },
  { value: 'sending', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
] as const;

/** Status filter as links (state in the URL); the current one is marked aria-current. */
export function OutboxStatusTabs({ status, hrefFor }: { status?: string; hrefFor: (status?: string) => string }) {
  return (
    <nav aria-label="Filter by status">
      <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
        {TABS.map((t) => {
          const on = t.value === status;
          return (
            <li key={t.label}>
              <Link href={hrefFor(t.value)} aria-current={on ? 'page' : undefined}
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
