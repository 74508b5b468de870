import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '@/lib/dunning/default-policy';
import { dunningPolicySchema } from '@/lib/dunning/dunning-policy';
import { unknownMergeFields } from '@/lib/dunning/merge-fields';
import { renderReminder } from '@/lib/dunning/render-template';

const facts = {
  customer: 'Acme Ltd',
  company: 'Harbour Supplies',
  remitTo: 'Harbour Supplies\nSort code 00-11-22',
  runOn: '2026-03-20',
  lines: [
    { number: 'INV-2', dueDate: '2026-02-18', daysOverdue: 30, balanceMinor: 123_456, currency: 'USD', levelName: 'Escalation' },
    { number: 'INV-1', dueDate: '2026-03-19', daysOverdue: 1, balanceMinor: 500, currency: 'USD', levelName: 'Friendly reminder' },
    { number: 'INV-3', dueDate: '2026-03-05', daysOverdue: 15, balanceMinor: 1_000, currency: 'EUR', levelName: 'Firm reminder' },
  ],
};

describe('renderReminder', () => {
  it('fills every merge field; invoices one a line in due-date order, amounts per currency', () => {
    const r = renderReminder(
      {
        subject: '{{company}}: {{ customer }} owes {{amount_due}}',
        body: '{{invoices}}\nMost: {{days_overdue}} days. Pay by {{pay_by}}.\n{{remit_to}}',
      },
      facts,
    );
    expect(r.subject).toBe('Harbour Supplies: Acme Ltd owes €10.00 and $1,239.56');
    expect(r.bodyText).toBe(
      [
        '- Invoice INV-2, due Feb 18, 2026, 30 days overdue: $1,234.56 (Escalation)',
        '- Invoice INV-3, due Mar 5, 2026, 15 days overdue: €10.00 (Firm reminder)',
        '- Invoice INV-1, due Mar 19, 2026, 1 day overdue: $5.00 (Friendly reminder)',
        'Most: 30 days. Pay by March 27, 2026.',
        'Harbour Supplies',
        'Sort code 00-11-22',
      ].join('\n'),
    );
  });

  it('keeps the subject on one line and falls back to the company name without a remit-to', () => {
    const r = renderReminder({ subject: '{{invoices}}', body: '{{remit_to}}' }, { ...facts, remitTo: null, lines: facts.lines.slice(0, 2) });
    expect(r.subject).not.toMatch(/\n/);
    expect(r.bodyText).toBe('Harbour Supplies');
  });

  it('the default chain uses the wording of the document, written for a company', () => {
    const [friendly, firm, escalation] = DEFAULT_POLICY.levels.map((l) => renderReminder(l, facts).bodyText);
    expect(friendly).toContain('We notice payment is now past due');
    expect(firm).toContain('Payment remains outstanding. Please confirm a settlement date.');
    expect(escalation).toContain('Management review pending. Settle within 7 days, by March 27, 2026, to avoid further action.');
  });
});

describe('merge fields on save', () => {
  it('lists unknown fields once each', () => {
    expect(unknownMergeFields('Hi {{customer}} {{nme}} {{ nme }} {{total}}')).toEqual(['nme', 'total']);
  });

  it('the policy schema refuses an unknown field, naming the level and template', () => {
    const bad = { ...DEFAULT_POLICY, levels: [{ ...DEFAULT_POLICY.levels[0]!, body: 'Dear {{custmer}}' }] };
    const r = dunningPolicySchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['levels.0.body', 'Unknown merge field {{custmer}}']]);
  });

  it('levels must rise strictly by days, 1 to 10 of them', () => {
    const l = DEFAULT_POLICY.levels[0]!;
    const r = dunningPolicySchema.safeParse({ ...DEFAULT_POLICY, levels: [l, { ...l, days: 1 }] });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['levels.1.days', 'Must be more days than level 1 (1)']]);
    expect(dunningPolicySchema.safeParse({ ...DEFAULT_POLICY, levels: [] }).success).toBe(false);
    expect(dunningPolicySchema.safeParse(DEFAULT_POLICY).success).toBe(true);
  });
});
