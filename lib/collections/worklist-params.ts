import { z } from 'zod';
import { storableString } from '@/lib/validation/storable-text';

/** The kinds of item on the worklist, in the order the page lists its type filter. */
export const WORKLIST_TYPES = ['next_action', 'broken_promise', 'newly_overdue', 'hold_ending', 'task'] as const;
export type WorklistType = (typeof WORKLIST_TYPES)[number];

/** Whose items: the caller's, nobody's, or (managers) everyone's. */
export const WORKLIST_SCOPES = ['mine', 'unassigned', 'everyone'] as const;
export type WorklistScope = (typeof WORKLIST_SCOPES)[number];

export const WORKLIST_MAX_PER_PAGE = 100;

const optionalText = storableString()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Worklist filters as they arrive in a URL query (page and JSON API share it); absent keys take the caller's defaults. */
export const worklistParamsSchema = z.object({
  type: optionalText.pipe(z.enum(WORKLIST_TYPES, `Type must be one of ${WORKLIST_TYPES.join(', ')}`).optional()),
  scope: optionalText.pipe(z.enum(WORKLIST_SCOPES, `Scope must be one of ${WORKLIST_SCOPES.join(', ')}`).optional()),
  collectorId: optionalText.pipe(z.guid('Collector must be a user id').optional()),
  page: optionalText
    .transform((v) => (v === undefined ? 1 : Number(v)))
    .pipe(z.number({ message: 'Must be a whole number from 1' }).int('Must be a whole number from 1').min(1, 'Must be a whole number from 1')),
  perPage: optionalText
    .transform((v) => (v === undefined ? 50 : Number(v)))
    .pipe(
      z
        .number({ message: `Must be a whole number from 1 to ${WORKLIST_MAX_PER_PAGE}` })
        .int(`Must be a whole number from 1 to ${WORKLIST_MAX_PER_PAGE}`)
        .min(1, `Must be a whole number from 1 to ${WORKLIST_MAX_PER_PAGE}`)
        .max(WORKLIST_MAX_PER_PAGE, `Must be a whole number from 1 to ${WORKLIST_MAX_PER_PAGE}`),
    ),
});
export type WorklistParams = z.output<typeof worklistParamsSchema>;

/** Reads the known keys of a URLSearchParams-like source into plain strings for the schema. */
export function worklistParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = ['type', 'scope', 'collectorId', 'page', 'perPage'] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}

/** How a person got in touch (or a note, which is not a contact): collection_entries.kind. */
export const WORKLIST_ENTRY_KINDS = ['call', 'email', 'letter', 'message', 'visit', 'note'] as const;
/** A customer's next action: customers.next_action. */
export const WORKLIST_NEXT_ACTIONS = ['call_back', 'formal_letter', 'escalate', 'legal_review', 'payment_plan'] as const;

export const WORKLIST_TYPE_LABELS: Record<WorklistType, string> = {
  next_action: 'Next action due',
  broken_promise: 'Broken promise',
  newly_overdue: 'Newly overdue',
  hold_ending: 'Hold ending',
  task: 'Reminder task',
};
/** One line per item type, for the worklist's legend and the type's tooltip. */
export const WORKLIST_TYPE_DESCRIPTIONS: Record<WorklistType, string> = {
  next_action: 'The next action set on the customer (call back, letter, escalate…) is due today or earlier.',
  broken_promise: 'A promise to pay passed its date without the full amount, and nobody has followed it up.',
  newly_overdue: 'Invoices that fell due in the last 7 days, and nobody has contacted the customer since.',
  hold_ending: 'A hold or dispute ends within 3 days: review it, or reminders resume.',
  task: 'A call or formal letter the reminder run asked for (letters are for managers).',
};
export const NEXT_ACTION_LABELS: Record<(typeof WORKLIST_NEXT_ACTIONS)[number], string> = {
  call_back: 'Call back',
  formal_letter: 'Send formal letter',
  escalate: 'Escalate',
  legal_review: 'Legal review',
  payment_plan: 'Payment plan',
};
