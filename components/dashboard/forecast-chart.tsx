'use client';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartMoney } from './chart-money';

/** The 13-week forecast: due and promised as stacked bars, expected as a line (the table beside it carries the same figures for screen readers). */
export function ForecastChart({
  weeks,
  currency,
}: {
  weeks: { label: string; committed: number; promised: number; expected: number }[];
  currency: string;
}) {
  const { money, compact } = chartMoney(currency);
  return (
    <div aria-hidden className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={compact} tick={{ fontSize: 11 }} width={64} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend />
          <Bar dataKey="committed" name="Due" stackId="a" fill="#2563eb" isAnimationActive={false} />
          <Bar dataKey="promised" name="Promised" stackId="a" fill="#10b981" isAnimationActive={false} />
          <Line dataKey="expected" name="Expected" type="monotone" stroke="#f59e0b" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
