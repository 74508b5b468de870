import Link from 'next/link';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { cn } from '@/components/ui/cn';

function pageWindow(page: number, totalPages: number): (number | '…')[] {
  const pages = new Set([1, totalPages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= totalPages));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | '…')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - (sorted[i - 1] ?? p) > 1) out.push('…');
    out.push(p);
  });
  return out;
}

/** Server-side pagination links ("Showing 1–25 of 120 statements"), the aging page's look for any list. */
export function ListPagination({
  page,
  perPage,
  totalRows,
  totalPages,
  hrefFor,
  label,
  noun,
}: {
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
  hrefFor: (page: number) => string;
  label: string;
  /** Singular and plural of what is counted, e.g. ['statement', 'statements']. */
  noun: [string, string];
}) {
  const from = totalRows === 0 ? 0 : (page - 1) * perPage + 1;
  const to = Math.min(page * perPage, totalRows);
  const linkClass = 'inline-flex h-8 min-w-8 items-center justify-center rounded-md px-2 text-sm';
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm text-slate-600">
      <p className="tabular">
        {totalRows === 0 ? (
          `No ${noun[1]}`
        ) : (
          <>
            Showing{' '}
            <strong>
              {from}–{to}
            </strong>{' '}
            of <strong>{totalRows.toLocaleString('en-US')}</strong> {totalRows === 1 ? noun[0] : noun[1]}
          </>
        )}
      </p>
      {totalPages > 1 ? (
        <ul className="flex items-center gap-1">
          <li>
            {page > 1 ? (
              <Link href={hrefFor(page - 1)} className={cn(linkClass, 'hover:bg-slate-100')} aria-label="Previous page">
                <ChevronLeft className="size-4" />
              </Link>
            ) : (
              <span className={cn(linkClass, 'text-slate-300')} aria-hidden>
                <ChevronLeft className="size-4" />
              </span>
            )}
          </li>
          {pageWindow(page, totalPages).map((p, i) =>
            p === '…' ? (
              <li key={`gap-${i}`} className="px-1 text-slate-400" aria-hidden>
                …
              </li>
            ) : (
              <li key={p}>
                <Link
                  href={hrefFor(p)}
                  aria-label={`Page ${p}`}
                  aria-current={p === page ? 'page' : undefined}
                  className={cn(linkClass, 'tabular', p === page ? 'bg-brand-600 font-semibold text-white' : 'hover:bg-slate-100')}
                >
                  {p}
                </Link>
              </li>
            ),
          )}
          <li>
            {page < totalPages ? (
              <Link href={hrefFor(page + 1)} className={cn(linkClass, 'hover:bg-slate-100')} aria-label="Next page">
                <ChevronRight className="size-4" />
              </Link>
            ) : (
              <span className={cn(linkClass, 'text-slate-300')} aria-hidden>
                <ChevronRight className="size-4" />
              </span>
            )}
          </li>
        </ul>
      ) : null}
    </nav>
  );
}
