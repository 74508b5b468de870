import { formatMoney } from '@/lib/money/currency';

/** A chart's money labels in `currency`: in full for tooltips, compact ("$1.2M") for the axis. */
export function chartMoney(currency: string): { money: (minor: number) => string; compact: (minor: number) => string } {
  const axis = new Intl.NumberFormat('en-US', { notation: 'compact', style: 'currency', currency });
  return { money: (minor) => formatMoney(minor, currency), compact: (minor) => axis.format(minor / 100) };
}
