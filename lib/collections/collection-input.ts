import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { isCalendarDate } from '@/lib/aging/calendar-date';
import { storableString } from '@/lib/validation/storable-text';
import { WORKLIST_ENTRY_KINDS, WORKLIST_NEXT_ACTIONS } from './worklist-params';

/** How a person got in touch (a note is not a contact): collection_entries.kind. */
export const ENTRY_KINDS = WORKLIST_ENTRY_KINDS;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  call: 'Call',
  email: 'Email',
  letter: 'Letter',
  message: 'Message',
  visit: 'Visit',
  note: 'Note',
};
export const ENTRY_SOURCE_LABELS: Record<string, string> = { manual: 'Logged', reminder: 'Automatic reminder', worklist: 'Worklist' };

export const NEXT_ACTIONS = WORKLIST_NEXT_ACTIONS;
export type NextAction = (typeof NEXT_ACTIONS)[number];

export const HOLD_KINDS = ['dispute', 'hold'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];
export const HOLD_KIND_LABELS: Record<HoldKind, string> = { dispute: 'Disputed', hold: 'On hold' };

export const MAX_NAMED_INVOICES = 100;
export const COLLECTION_MAX_PER_PAGE = 100;

/** Optional free text: blank is absent (null). */
export const optionalText = (label: string, max: number) =>
  z
    .string(`${label} must be text`)
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .nullable()
    .transform((v) => v || null);

export const dateField = (label: string) =>
  z.string(`${label} is required`).trim().refine(isCalendarDate, `${label} must be a real date (YYYY-MM-DD)`);

export const invoiceIdsField = z
  .array(z.guid('Each invoice must be an id'), 'Invoices must be a list of ids')
  .max(MAX_NAMED_INVOICES, `At most ${MAX_NAMED_INVOICES} invoices`)
  .optional()
  .default([]);

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * When something happened: an ISO instant with a zone ("2026-03-02T09:30:00Z"), or a wall-clock time without
 * one ("2026-03-02T09:30", what a datetime-local input sends), read in the company's time zone. Null when it is
 * not a real time.
 */
export function parseOccurredAt(text: string, timeZone: string): Date | null {
  if (ZONED_TIME.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) || !isCalendarDate(text.slice(0, 10)) ? null : d;
  }
  const m = LOCAL_TIME.exec(text);
  if (!m || !isCalendarDate(text.slice(0, 10))) return null;
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, mi, s, timeZone).getTime());
}

export const occurredAtField = z
  .string('When must be a date and time')
  .trim()
  .max(40, 'When must be a date and time')
  .refine((v) => ZONED_TIME.test(v) || LOCAL_TIME.test(v), 'When must be a date and time like 2026-03-02T09:30')
  .optional();

/** Page number from a query string or a number: 1 when absent. */
export const pageField = (fallback: number, max: number, label = 'Page') =>
  z
    .union([z.number(), storableString().trim()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : Number(v)))
    .pipe(
      z
        .number(`${label} must be a whole number`)
        .int(`${label} must be a whole number`)
        .min(1, `${label} must be at least 1`)
        .max(max, `${label} must be at most ${max}`),
    );

/** An optional id filter from a query string (blank is absent). */
export const optionalIdFilter = (label: string) =>
  storableString()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.guid(`${label} must be an id`).optional());

/** The wall-clock time now in a time zone, as a datetime-local input takes it ("2026-03-02T09:30"). */
export function localTimeInTimeZone(timeZone: string, now: Date = new Date()): string {
  const t = new TZDate(now.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
