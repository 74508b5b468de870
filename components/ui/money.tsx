import { formatMoney } from '@/lib/money/currency';
import { cn } from './cn';

/** An amount in minor units, formatted in its currency; zero is shown muted so non-zero amounts stand out. */
export function Money({ minor, currency, className }: { minor: number; currency: string; className?: string }) {
  return <span className={cn('tabular whitespace-nowrap', minor === 0 && 'text-slate-500', className)}>{formatMoney(minor, currency)}</span>;
}
