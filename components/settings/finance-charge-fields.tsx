'use client';
import { useState } from 'react';
import { inputClass } from '@/components/ui/field-errors';
import type { FinanceChargeRule } from '@/lib/aging/finance-charge';
import { minorToDecimal } from '@/lib/money/currency';
import { parseAmount } from '@/lib/money/parse-amount';

type Method = 'none' | 'rate' | 'flat';

/** "1.5" -> 150 basis points, exactly (text shifted, no float); NaN for anything else. */
function basisPoints(text: string): number {
  const m = /^(\d{1,5})(?:\.(\d{0,2}))?$/.exec(text.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
}

/**
 * A scheme's finance charge in its settings form: none, a monthly rate with a minimum, or a flat fee, from an
 * overdue period on. Amounts are typed in the company's currency and kept in minor units.
 */
export function FinanceChargeFields({
  value,
  onChange,
  periods,
  currency,
  err,
  invalid,
}: {
  value: FinanceChargeRule | null;
  onChange: (rule: FinanceChargeRule | null) => void;
  periods: string[];
  currency: string;
  err: (path: string) => React.ReactNode;
  invalid: (path: string) => Record<string, unknown>;
}) {
  const [text, setText] = useState({
    rate: value?.method === 'rate' ? String(value.rateBasisPoints / 100) : '1.5',
    minimum: value?.method === 'rate' ? minorToDecimal(value.minimumMinor, currency) : '0',
    fee: value?.method === 'flat' ? minorToDecimal(value.feeMinor, currency) : '25',
  });
  const method: Method = value?.method ?? 'none';
  const fromPeriod = Math.min(value?.fromPeriod ?? 1, periods.length);
  const money = (t: string) => {
    const parsed = parseAmount(t, currency);
    return parsed.ok ? parsed.minor : NaN;
  };
  const emit = (m: Method, t = text, from = fromPeriod) => {
    setText(t);
    if (m === 'none') onChange(null);
    else if (m === 'rate') onChange({ method: 'rate', rateBasisPoints: basisPoints(t.rate), minimumMinor: money(t.minimum), fromPeriod: from });
    else onChange({ method: 'flat', feeMinor: money(t.fee), fromPeriod: from });
  };
  const typoed = (t: string, ok: boolean) => (ok || t.trim() === '' ? null : <p className="mt-1 text-xs text-red-700">Not an amount</p>);

  return (
    <fieldset className="rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium">Finance charges</legend>
      <p className="text-xs text-slate-500">
        Charged once a month by the finance charge run (Collections → Finance charges) on overdue balances in {currency}.
      </p>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <div>
          <label htmlFor="fc-method" className="text-xs font-medium">
            Charge
          </label>
          <select id="fc-method" className={inputClass} value={method} onChange={(e) => emit(e.target.value as Method)} {...invalid('financeCharge')}>
            <option value="none">No finance charge</option>
            <option value="rate">A monthly rate</option>
            <option value="flat">A flat fee</option>
          </select>
          {err('financeCharge')}
        </div>
        {method === 'rate' ? (
          <>
            <div className="w-32">
              <label htmlFor="fc-rate" className="text-xs font-medium">
                Rate a month (%)
              </label>
              <input
                id="fc-rate"
                inputMode="decimal"
                className={`${inputClass} text-right tabular-nums`}
                value={text.rate}
                onChange={(e) => emit('rate', { ...text, rate: e.target.value })}
                {...invalid('financeCharge.rateBasisPoints')}
              />
              {err('financeCharge.rateBasisPoints')}
            </div>
            <div className="w-36">
              <label htmlFor="fc-minimum" className="text-xs font-medium">
                Minimum ({currency})
              </label>
              <input
                id="fc-minimum"
                inputMode="decimal"
                className={`${inputClass} text-right tabular-nums`}
                value={text.minimum}
                onChange={(e) => emit('rate', { ...text, minimum: e.target.value })}
                {...invalid('financeCharge.minimumMinor')}
              />
              {err('financeCharge.minimumMinor') ?? typoed(text.minimum, parseAmount(text.minimum, currency).ok)}
            </div>
          </>
        ) : null}
        {method === 'flat' ? (
          <div className="w-36">
            <label htmlFor="fc-fee" className="text-xs font-medium">
              Fee ({currency})
            </label>
            <input
              id="fc-fee"
              inputMode="decimal"
              className={`${inputClass} text-right tabular-nums`}
              value={text.fee}
              onChange={(e) => emit('flat', { ...text, fee: e.target.value })}
              {...invalid('financeCharge.feeMinor')}
            />
            {err('financeCharge.feeMinor') ?? typoed(text.fee, parseAmount(text.fee, currency).ok)}
          </div>
        ) : null}
        {method !== 'none' ? (
          <div>
            <label htmlFor="fc-from" className="text-xs font-medium">
              Charge balances from
            </label>
            <select
              id="fc-from"
              className={inputClass}
              value={fromPeriod}
              onChange={(e) => emit(method, text, Number(e.target.value))}
              {...invalid('financeCharge.fromPeriod')}
            >
              {periods.map((label, i) => (
                <option key={i} value={i + 1}>
                  Period {i + 1} ({label}) and older
                </option>
              ))}
            </select>
            {err('financeCharge.fromPeriod')}
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
