'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartMoney } from './chart-money';
import { bucketColor } from '@/components/aging/bucket-colors';

/** The aging of each past week end as stacked bars by bucket, in the aging bar's colors (the table beside it carries the same figures for screen readers). */
export function TrendChart({
  weeks,
  buckets,
  currency,
}: {
  weeks: ({ label: string } & Record<string, number | string | null>)[];
  buckets: { key: string; label: string; index: number; of: number }[];
  currency: string;
}) {
  const { money, compact } = chartMoney(currency);
  return (
    <div aria-hidden className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={compact} tick={{ fontSize: 11 }} width={64} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend itemSorter={null} />
          {buckets.map((b) => (
            <Bar key={b.key} dataKey={b.key} name={b.label} stackId="a" fill={bucketColor(b.index, b.of).hex} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
