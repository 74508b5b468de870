import { AlertCircle, CheckCircle2, Clock, Send } from 'lucide-react';
import { cn } from '@/components/ui/cn';

const STYLES: Record<string, { label: string; className: string; Icon: typeof Clock }> = {
  queued: { label: 'Queued', className: 'bg-amber-50 text-amber-800 ring-amber-200', Icon: Clock },
  sending: { label: 'Sending', className: 'bg-sky-50 text-sky-800 ring-sky-200', Icon: Send },
  sent: { label: 'Sent', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200', Icon: CheckCircle2 },
  failed: { label: 'Failed', className: 'bg-red-50 text-red-800 ring-red-200', Icon: AlertCircle },
};

/** An email's delivery status as colour, icon and word (never colour alone); "—" when there is no email. */
export function EmailStatusBadge({ status, title }: { status: string | null; title?: string }) {
  const style = status ? STYLES[status] : undefined;
  if (!status)
    return (
      <span className="text-slate-400">
        <span aria-hidden>—</span>
        <span className="sr-only">Not emailed</span>
      </span>
    );
  if (!style) return <span className="text-xs text-slate-600">{status}</span>;
  const { label, className, Icon } = style;
  return (
    <span
      title={title}
      data-status={status}
      className={cn('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset', className)}
    >
      <Icon className="size-3" aria-hidden />
      {label}
    </span>
  );
}
