import { cn } from '@/components/ui/cn';
import { INVOICE_STATUS_LABELS } from './ledger-labels';

const STYLES: Record<string, string> = {
  draft: 'bg-slate-100 text-slate-700 ring-slate-300',
  open: 'bg-sky-50 text-sky-800 ring-sky-200',
  partially_paid: 'bg-amber-50 text-amber-800 ring-amber-200',
  paid: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  written_off: 'bg-red-50 text-red-800 ring-red-200',
  void: 'bg-slate-100 text-slate-500 ring-slate-200 line-through decoration-slate-400',
  archived: 'bg-slate-100 text-slate-600 ring-slate-200',
};

/** An invoice's state in words (the seed's names), with a colour that never carries the meaning alone. */
export function InvoiceStatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <span
      data-status={status}
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        STYLES[status] ?? STYLES.draft,
        className,
      )}
    >
      {INVOICE_STATUS_LABELS[status] ?? status}
    </span>
  );
}
