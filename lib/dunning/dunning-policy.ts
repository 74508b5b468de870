import { z } from 'zod';
import { unknownMergeFields } from './merge-fields';

export const DUNNING_CHANNELS = ['email', 'call', 'letter'] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];
export const DUNNING_MODES = ['automatic', 'approve'] as const;
export type DunningMode = (typeof DUNNING_MODES)[number];

/** A template field that may only name merge fields (lib/dunning/merge-fields.ts), so a typo is caught on save. */
const template = (label: string, max: number) =>
  z
    .string(`${label} is required`)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters`)
    .superRefine((text, ctx) => {
      for (const name of unknownMergeFields(text)) ctx.addIssue({ code: 'custom', message: `Unknown merge field {{${name}}}` });
    });

export const dunningLevelSchema = z.object({
  days: z
    .number('Days overdue must be a whole number from 1 to 999')
    .int('Days overdue must be a whole number from 1 to 999')
    .min(1, 'Days overdue must be a whole number from 1 to 999')
    .max(999, 'Days overdue must be a whole number from 1 to 999'),
  channel: z.enum(DUNNING_CHANNELS, 'Channel must be email, call or letter'),
  name: z.string('Name is required').trim().min(1, 'Name is required').max(60, 'Name must be at most 60 characters'),
  subject: template('Subject', 200).refine((s) => !/[\r\n]/.test(s), 'Subject must be one line'),
  body: template('Body', 10_000),
});
export type DunningLevel = z.infer<typeof dunningLevelSchema>;

/** A company's dunning policy, as stored in dunning_policies and edited on the settings page and the API. */
export const dunningPolicySchema = z.object({
  enabled: z.boolean('Enabled must be true or false'),
  mode: z.enum(DUNNING_MODES, 'Mode must be automatic or approve'),
  minIntervalDays: z
    .number('Minimum interval must be a whole number of days from 0 to 365')
    .int('Minimum interval must be a whole number of days from 0 to 365')
    .min(0, 'Minimum interval must be a whole number of days from 0 to 365')
    .max(365, 'Minimum interval must be a whole number of days from 0 to 365'),
  /** Per currency, the smallest overdue amount (minor units) worth a reminder. */
  minimums: z.record(
    z.string().regex(/^[A-Z]{3}$/, 'Each minimum must be keyed by a 3-letter currency code'),
    z.number('Each minimum must be a whole number of minor units').int('Each minimum must be a whole number of minor units').min(0).max(1e15),
  ),
  levels: z
    .array(dunningLevelSchema, 'Levels are required')
    .min(1, 'Add at least one level')
    .max(10, 'At most 10 levels')
    .superRefine((levels, ctx) => {
      for (let i = 1; i < levels.length; i++) {
        if (levels[i]!.days <= levels[i - 1]!.days)
          ctx.addIssue({ code: 'custom', path: [i, 'days'], message: `Must be more days than level ${i} (${levels[i - 1]!.days})` });
      }
    }),
});
export type DunningPolicy = z.infer<typeof dunningPolicySchema>;
export type DunningPolicyInput = z.input<typeof dunningPolicySchema>;
