import { z } from 'zod';

/** The largest bulk limit a company may set: one value for the settings form, its validation and the reader. */
export const BULK_LIMIT_MAX = 1_000;

const limit = z.number().int().min(1).max(BULK_LIMIT_MAX);

/** companies.settings, flat dotted keys; anything missing or invalid falls back to the default. */
const companySettingsSchema = z.object({
  'accounting.invoices.bulk_download_limit': limit.catch(100).default(100),
  'accounting.statements.bulk_generate_limit': limit.catch(100).default(100),
});
export type CompanySettings = z.infer<typeof companySettingsSchema>;

export function companySettings(raw: unknown): CompanySettings {
  const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  return companySettingsSchema.parse(object);
}
