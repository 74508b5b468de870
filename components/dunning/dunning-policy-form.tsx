'use client';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { fieldErrors, inputClass } from '@/components/ui/field-errors';
import { updateDunningPolicyAction } from '@/lib/actions/dunning/update-dunning-policy';
import { DEFAULT_POLICY } from '@/lib/dunning/default-policy';
import { DUNNING_CHANNELS, type DunningLevel, type DunningPolicy } from '@/lib/dunning/dunning-policy';
import { MERGE_FIELDS } from '@/lib/dunning/merge-fields';
import { minorToDecimal } from '@/lib/money/currency';

const CHANNEL_LABEL = { email: 'Email', call: 'Call task', letter: 'Letter task (managers)' } as const;

/** Minimums are edited as "USD 25.00" lines and sent in minor units. */
function minimumsText(m: Record<string, number>): string {
  return Object.entries(m)
    .map(([currency, minor]) => `${currency} ${minorToDecimal(minor, currency)}`)
    .join('\n');
}
function parseMinimums(text: string): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^([A-Z]{3})\s+(\d+(?:\.\d{1,3})?)$/.exec(line);
    if (!m) return `"${line}": write a currency code and an amount, e.g. USD 25.00`;
    const digits = minorToDecimal(0, m[1]!).split('.')[1]?.length ?? 0;
    const [whole, frac = ''] = m[2]!.split('.');
    if (frac.length > digits) return `"${line}": ${m[1]} has ${digits} decimals`;
    out[m[1]!] = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  }
  return out;
}

/** The company's dunning policy: on/off, mode, interval, minimums and the levels with their templates (admins). */
export function DunningPolicyForm({ slug, policy }: { slug: string; policy: DunningPolicy }) {
  const [p, setP] = useState<DunningPolicy>(policy);
  const [minimums, setMinimums] = useState(minimumsText(policy.minimums));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const setLevel = (i: number, patch: Partial<DunningLevel>) => setP({ ...p, levels: p.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  function save(event: React.FormEvent) {
    event.preventDefault();
    const parsed = parseMinimums(minimums);
    if (typeof parsed === 'string') {
      setErrors({ minimums: parsed });
      toast.error(`Minimums: ${parsed}`);
      return;
    }
    startTransition(async () => {
      const result = await updateDunningPolicyAction(slug, { ...p, minimums: parsed });
      if (result.ok) {
        setErrors({});
        toast.success('Dunning policy saved');
      } else {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
      }
    });
  }

  const { error: err, invalid } = fieldErrors(errors);

  return (
    <form onSubmit={save} className="mt-6 space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={p.enabled} onChange={(e) => setP({ ...p, enabled: e.target.checked })} />
          Send reminders
        </label>
        <div>
          <label htmlFor="mode" className="text-sm font-medium">
            Mode
          </label>
          <select id="mode" className={inputClass} value={p.mode} onChange={(e) => setP({ ...p, mode: e.target.value as DunningPolicy['mode'] })}>
            <option value="approve">Approve first (a manager approves each email)</option>
            <option value="automatic">Automatic</option>
          </select>
        </div>
        <div>
          <label htmlFor="minIntervalDays" className="text-sm font-medium">
            Minimum days between reminders to a customer
          </label>
          <input
            id="minIntervalDays"
            type="number"
            min={0}
            max={365}
            className={inputClass}
            value={p.minIntervalDays}
            onChange={(e) => setP({ ...p, minIntervalDays: Number(e.target.value) })}
            {...invalid('minIntervalDays')}
          />
          {err('minIntervalDays')}
        </div>
      </div>
      <div className="max-w-sm">
        <label htmlFor="minimums" className="text-sm font-medium">
          Minimum overdue amount per currency
        </label>
        <p className="text-xs text-slate-500">One per line, e.g. USD 25.00. Customers owing less overdue in that currency are skipped.</p>
        <textarea
          id="minimums"
          rows={3}
          className={inputClass}
          value={minimums}
          onChange={(e) => setMinimums(e.target.value)}
          {...invalid('minimums')}
        />
        {err('minimums')}
      </div>

      <fieldset>
        <legend className="text-sm font-medium">Levels</legend>
        <p className="text-xs text-slate-500">
          Each invoice is reminded at the highest level whose days overdue it has reached, once per level. One reminder per customer lists each
          invoice at its level and uses the template of the highest.
        </p>
        {err('levels')}
        <ol className="mt-3 space-y-4">
          {p.levels.map((l, i) => (
            <li key={i} className="rounded-lg border border-slate-200 p-4">
              <div className="grid gap-3 sm:grid-cols-[6rem_12rem_1fr_auto]">
                <div>
                  <label htmlFor={`days-${i}`} className="text-xs font-medium">
                    From day
                  </label>
                  <input
                    id={`days-${i}`}
                    type="number"
                    min={1}
                    max={999}
                    className={inputClass}
                    value={l.days}
                    onChange={(e) => setLevel(i, { days: Number(e.target.value) })}
                    {...invalid(`levels.${i}.days`)}
                  />
                  {err(`levels.${i}.days`)}
                </div>
                <div>
                  <label htmlFor={`channel-${i}`} className="text-xs font-medium">
                    Channel
                  </label>
                  <select
                    id={`channel-${i}`}
                    className={inputClass}
                    value={l.channel}
                    onChange={(e) => setLevel(i, { channel: e.target.value as DunningLevel['channel'] })}
                  >
                    {DUNNING_CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {CHANNEL_LABEL[c]}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`name-${i}`} className="text-xs font-medium">
                    Name
                  </label>
                  <input
                    id={`name-${i}`}
                    className={inputClass}
                    value={l.name}
                    onChange={(e) => setLevel(i, { name: e.target.value })}
                    {...invalid(`levels.${i}.name`)}
                  />
                  {err(`levels.${i}.name`)}
                </div>
                <div className="self-end">
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={p.levels.length <= 1}
                    onClick={() => setP({ ...p, levels: p.levels.filter((_, j) => j !== i) })}
                    aria-label={`Remove level ${i + 1}`}
                  >
                    Remove
                  </Button>
                </div>
              </div>
              <label htmlFor={`subject-${i}`} className="mt-3 block text-xs font-medium">
                Subject
              </label>
              <input
                id={`subject-${i}`}
                className={inputClass}
                value={l.subject}
                onChange={(e) => setLevel(i, { subject: e.target.value })}
                {...invalid(`levels.${i}.subject`)}
              />
              {err(`levels.${i}.subject`)}
              <label htmlFor={`body-${i}`} className="mt-3 block text-xs font-medium">
                Body
              </label>
              <textarea
                id={`body-${i}`}
                rows={8}
                className={`${inputClass} font-mono`}
                value={l.body}
                onChange={(e) => setLevel(i, { body: e.target.value })}
                {...invalid(`levels.${i}.body`)}
              />
              {err(`levels.${i}.body`)}
            </li>
          ))}
        </ol>
        <div className="mt-3 flex gap-3">
          <Button
            type="button"
            variant="secondary"
            size="sm"
            disabled={p.levels.length >= 10}
            onClick={() => {
              const last = p.levels[p.levels.length - 1];
              setP({
                ...p,
                levels: [
                  ...p.levels,
                  {
                    days: Math.min(999, (last?.days ?? 0) + 15),
                    channel: 'email',
                    name: 'New level',
                    subject: 'Payment reminder from {{company}}',
                    body: 'Dear {{customer}},\n\n{{invoices}}\n\n{{company}}',
                  },
                ],
              });
            }}
          >
            Add level
          </Button>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setP(DEFAULT_POLICY);
              setMinimums('');
              setErrors({});
            }}
          >
            Reset to default
          </Button>
        </div>
      </fieldset>

      <details className="rounded-lg bg-slate-50 p-4 text-sm">
        <summary className="cursor-pointer font-medium">Merge fields</summary>
        <dl className="mt-2 grid gap-1 sm:grid-cols-[10rem_1fr]">
          {Object.entries(MERGE_FIELDS).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-slate-700">{`{{${k}}}`}</dt>
              <dd className="text-slate-600">{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-slate-500">Emails carry the customer&apos;s statement as a PDF attachment.</p>
      </details>

      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save policy'}
      </Button>
    </form>
  );
}
