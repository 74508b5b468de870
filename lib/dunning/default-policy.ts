import type { DunningPolicy } from './dunning-policy';

/**
 * The chain of the collections document (seeds/ar-aging-collections.txt), written for a company: a friendly
 * reminder on day 1, a firm one on day 15, an escalation on day 30, and from day 60 a formal letter a manager
 * sends instead of an email. A company without a dunning_policies row uses it; approve-first until changed.
 */
export const DEFAULT_POLICY: DunningPolicy = {
  enabled: true,
  mode: 'approve',
  minIntervalDays: 14,
  minimums: {},
  levels: [
    {
      days: 1,
      channel: 'email',
      name: 'Friendly reminder',
      subject: 'Payment reminder from {{company}}',
      body: [
        'Dear {{customer}},',
        '',
        'We notice payment is now past due on the following invoices:',
        '',
        '{{invoices}}',
        '',
        'Amount due: {{amount_due}}. If you have already paid, thank you, and please disregard this message.',
        'Otherwise, please pay by {{pay_by}}.',
        '',
        'Remit to:',
        '{{remit_to}}',
        '',
        '{{company}}',
      ].join('\n'),
    },
    {
      days: 15,
      channel: 'email',
      name: 'Firm reminder',
      subject: 'Second notice: payment overdue ({{company}})',
      body: [
        'Dear {{customer}},',
        '',
        'Payment remains outstanding. Please confirm a settlement date.',
        '',
        '{{invoices}}',
        '',
        'Amount due: {{amount_due}}, up to {{days_overdue}} days overdue. Please pay by {{pay_by}}.',
        '',
        'Remit to:',
        '{{remit_to}}',
        '',
        '{{company}}',
      ].join('\n'),
    },
    {
      days: 30,
      channel: 'email',
      name: 'Escalation',
      subject: 'Final notice: management review pending ({{company}})',
      body: [
        'Dear {{customer}},',
        '',
        'Management review pending. Settle within 7 days, by {{pay_by}}, to avoid further action.',
        '',
        '{{invoices}}',
        '',
        'Amount due: {{amount_due}}, up to {{days_overdue}} days overdue.',
        '',
        'Remit to:',
        '{{remit_to}}',
        '',
        '{{company}}',
      ].join('\n'),
    },
    {
      days: 60,
      channel: 'letter',
      name: 'Formal letter',
      subject: 'Formal demand for payment: {{customer}}',
      body: ['A manager sends {{customer}} a formal letter: {{amount_due}} is up to {{days_overdue}} days overdue.', '', '{{invoices}}'].join('\n'),
    },
  ],
};
