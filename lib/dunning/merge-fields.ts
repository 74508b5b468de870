/** The merge fields a reminder template may use, with what each becomes (the settings page shows this list). */
export const MERGE_FIELDS = {
  customer: "The customer's name",
  company: "Your company's name",
  invoices: 'The overdue invoices: number, due date, days overdue, balance and reminder level, one a line',
  amount_due: 'The overdue total, per currency',
  days_overdue: 'The most days any listed invoice is overdue',
  pay_by: 'The pay-by date: the run date plus 7 days',
  remit_to: 'Where to send payment (the remit-to address in company settings)',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;

const FIELD_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names inside `{{...}}` in a template that are not merge fields, each once, in order of appearance. */
export function unknownMergeFields(template: string): string[] {
  const unknown = new Set<string>();
  for (const m of template.matchAll(FIELD_RE)) if (!(m[1]! in MERGE_FIELDS)) unknown.add(m[1]!);
  return [...unknown];
}

/** Replaces each `{{field}}` by its value; unknown fields (refused on save) are left as they are. */
export function mergeTemplate(template: string, values: Record<MergeField, string>): string {
  return template.replace(FIELD_RE, (whole, name: string) => (name in MERGE_FIELDS ? values[name as MergeField] : whole));
}
