import { z } from 'zod';

/** The largest bulk limit a company may set: one value for the settings form, its validation and the reader. */
export const BULK_LIMIT_MAX = 1_000;

const limit = z.number().int().min(1).max(BULK_LIMIT_MAX);
const percent = z.number().int().min(0).max(100);

/** companies.settings, flat dotted keys; anything missing or invalid falls back to the default. */
const companySettingsSchema = z.object({
  'accounting.invoices.bulk_download_limit': limit.catch(100).default(100),
  'accounting.statements.bulk_generate_limit': limit.catch(100).default(100),
  /** The dashboard's health thresholds: the most of what is owed that may be 31-60 and over 60 days past due. */
  'dashboard.health.days_31_60_max_pct': percent.catch(15).default(15),
  'dashboard.health.days_61_plus_max_pct': percent.catch(5).default(5),
});
export type CompanySettings = z.infer<typeof companySettingsSchema>;

export function companySettings(raw: unknown): CompanySettings {
  const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  return companySettingsSchema.parse(object);
}
