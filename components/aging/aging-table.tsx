'use client';
import { useMemo } from 'react';
import Link from 'next/link';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type OnChangeFn, type RowSelectionState } from '@tanstack/react-table';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/components/ui/cn';
import { formatMoney } from '@/lib/money/currency';
import type { AgingCollections } from '@/lib/receivables/aging-collections';
import { CollectionsCell } from './collections-cell';

export interface AgingRow {
  customer: { id: string; name: string };
  amounts: Record<string, number>;
  unapplied: number;
  total: number;
  /** Today's collections status: last contact, next action, promise and hold. */
  collections?: AgingCollections;
}

/** Columns read as text, left-aligned. */
const TEXT_COLUMNS = new Set(['name', 'collections']);

interface Props {
  slug: string;
  rows: AgingRow[];
  /** Show the Unapplied column (some customer has unapplied payments or credits on the as-of date). */
  showUnapplied?: boolean;
  buckets: { key: string; label: string }[];
  currency: string;
  sort: string;
  sortHref: (sort: string) => string;
  /** Selected rows by customer id; lifted so the bulk actions know the selection. */
  selection: RowSelectionState;
  onSelectionChange: OnChangeFn<RowSelectionState>;
  /** Bulk action buttons, shown in the selection bar above the table. */
  actions?: React.ReactNode;
  /** The company's time zone: last contacts are shown on its calendar (default UTC). */
  timeZone?: string;
  /** Where a customer's bucket amount links to: those invoices in the AR aging detail. */
  detailHref?: (customerId: string, bucket: string) => string;
}

/** Next sort for a header click: first click sorts amounts largest-first and names A-Z; a second click flips. */
function nextSort(current: string, key: string): string {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return key;
  return key === 'name' ? 'name' : `-${key}`;
}

function SortHeader({
  label,
  sortKey,
  sort,
  sortHref,
  align,
}: {
  label: string;
  sortKey: string;
  sort: string;
  sortHref: Props['sortHref'];
  align: 'left' | 'right';
}) {
  const state = sort === sortKey ? 'ascending' : sort === `-${sortKey}` ? 'descending' : 'none';
  const Icon = state === 'ascending' ? ArrowUp : state === 'descending' ? ArrowDown : ArrowUpDown;
  return (
    <Link
      href={sortHref(nextSort(sort, sortKey))}
      scroll={false}
      className={cn(
        'inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600',
        align === 'right' && 'flex-row-reverse',
      )}
      aria-label={`Sort by ${label}${state === 'none' ? '' : state === 'ascending' ? ', sorted ascending' : ', sorted descending'}`}
    >
      {label}
      <Icon className={cn('size-3.5', state === 'none' ? 'text-slate-300' : 'text-brand-600')} aria-hidden />
    </Link>
  );
}

export function AgingTable({
  slug,
  rows,
  showUnapplied = false,
  buckets,
  currency,
  sort,
  sortHref,
  selection,
  onSelectionChange,
  actions,
  timeZone = 'UTC',
  detailHref,
}: Props) {
  const oldest = buckets[buckets.length - 1]?.key;

  const columns = useMemo<ColumnDef<AgingRow>[]>(
    () => [
      {
        id: 'select',
        header: ({ table }) => (
          <Checkbox
            aria-label="Select all customers on this page"
            checked={table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? 'indeterminate' : false}
            onCheckedChange={(v) => table.toggleAllRowsSelected(v === true)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            aria-label={`Select ${row.original.customer.name}`}
            checked={row.getIsSelected()}
            onCheckedChange={(v) => row.toggleSelected(v === true)}
          />
        ),
      },
      {
        id: 'name',
        header: () => <SortHeader label="Customer" sortKey="name" sort={sort} sortHref={sortHref} align="left" />,
        cell: ({ row }) => (
          <Link href={`/${slug}/customers/${row.original.customer.id}/accounting`} className="font-medium text-brand-700 hover:underline">
            {row.original.customer.name}
          </Link>
        ),
      },
      ...buckets.map<ColumnDef<AgingRow>>((b) => ({
        id: b.key,
        header: () => <SortHeader label={b.label} sortKey={b.key} sort={sort} sortHref={sortHref} align="right" />,
        cell: ({ row }) => {
          const amount = row.original.amounts[b.key] ?? 0;
          const alert = b.key === oldest && amount > 0;
          return (
            <span
              data-bucket={b.key}
              data-alert={alert || undefined}
              className={cn('tabular', alert ? 'font-semibold text-red-600' : amount === 0 ? 'text-slate-500' : '')}
            >
              {detailHref && amount !== 0 ? (
                <Link
                  href={detailHref(row.original.customer.id, b.key)}
                  className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                  aria-label={`${row.original.customer.name}, ${b.label}: ${formatMoney(amount, currency)}, show the invoices`}
                >
                  {formatMoney(amount, currency)}
                </Link>
              ) : (
                formatMoney(amount, currency)
              )}
            </span>
          );
        },
      })),
      ...(showUnapplied
        ? [
            {
              id: 'unapplied',
              header: () => (
                <span className="block text-right" title="Payments and credits not yet applied to invoices">
                  Unapplied
                </span>
              ),
              cell: ({ row }) => {
                const amount = row.original.unapplied;
                return (
                  <span data-bucket="unapplied" className={cn('tabular', amount === 0 ? 'text-slate-500' : 'text-emerald-700')}>
                    {amount === 0 ? formatMoney(0, currency) : `−${formatMoney(amount, currency)}`}
                  </span>
                );
              },
            } satisfies ColumnDef<AgingRow>,
          ]
        : []),
      {
        id: 'total',
        header: () => <SortHeader label={showUnapplied ? 'Net total' : 'Total'} sortKey="total" sort={sort} sortHref={sortHref} align="right" />,
        cell: ({ row }) => (
          <strong data-bucket="total" className="tabular">
            {formatMoney(row.original.total, currency)}
          </strong>
        ),
      },
      {
        id: 'collections',
        header: () => <span title="Last contact, next action, promise to pay and hold">Collections</span>,
        cell: ({ row }) => <CollectionsCell c={row.original.collections} timeZone={timeZone} />,
      },
    ],
    [buckets, currency, oldest, showUnapplied, slug, sort, sortHref, timeZone, detailHref],
  );

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.customer.id,
    state: { rowSelection: selection },
    onRowSelectionChange: onSelectionChange,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
  });
  const selected = Object.keys(selection).filter((id) => selection[id]).length;
  const ariaSort = (id: string) => (sort === id ? 'ascending' : sort === `-${id}` ? 'descending' : id === 'select' ? undefined : 'none');

  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex min-h-11 flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-1.5 text-sm text-slate-600">
        <p aria-live="polite">
          {selected > 0 ? (
            <span>
              <strong>{selected}</strong> customer{selected === 1 ? '' : 's'} selected
            </span>
          ) : (
            <span>Select customers for bulk actions</span>
          )}
        </p>
        {actions ? (
          <div role="group" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2">
            {actions}
          </div>
        ) : null}
      </div>
      {/* Fits 1280 px; narrower screens scroll the table sideways rather than cut columns off. */}
      <div className="max-w-full overflow-x-auto">
        <table className="w-full text-sm" aria-label="Open receivables by customer">
          <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={ariaSort(h.id)}
                    className={cn(
                      'px-3 py-2.5 font-medium',
                      h.id === 'select' ? 'w-10' : TEXT_COLUMNS.has(h.id) ? 'text-left' : 'text-right',
                      // Wide enough that a long name wraps to two lines at most, not three.
                      h.id === 'name' && 'min-w-48',
                    )}
                  >
                    {flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={cn('hover:bg-slate-50', row.getIsSelected() && 'bg-brand-50/60')}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn(
                      'px-3 py-2.5',
                      TEXT_COLUMNS.has(cell.column.id) ? 'text-left' : cell.column.id === 'select' ? '' : 'whitespace-nowrap text-right',
                      cell.column.id === 'collections' && 'py-1.5',
                    )}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
