import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AGING_SCHEME_PRESETS, agingSchemeSchema, fullScheme, type AgingScheme } from '@/lib/aging/scheme';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { parseScheme } from '@/lib/receivables/get-aging-context';
import { findBillSource, getAgingSchemeSettings, type AgingSchemeSettings } from './get-aging-scheme-settings';

const asJson = (s: AgingScheme): Prisma.InputJsonObject => {
  const { billingFrequency: _, ...stored } = s;
  return { ...stored, periods: s.periods.map((p) => ({ ...p })) };
};

const PRESET_KEYS = AGING_SCHEME_PRESETS.map((p) => p.key) as [string, ...string[]];

/** `{ preset }` naming one of AGING_SCHEME_PRESETS; anything else is read as a whole scheme (agingSchemeSchema). */
export const agingSchemePresetSchema = z.object({ preset: z.enum(PRESET_KEYS, `Preset must be one of ${PRESET_KEYS.join(', ')}`) }).strict();

/**
 * Replaces the aging scheme of the company, or of a bill source (admins); `input` null gives a bill source back
 * to the company's scheme. The aging page, its exports, statements and dunning read the scheme on each use and
 * the running totals are kept by date, not by bucket, so balances re-bucket at once. The previous scheme is
 * kept inactive; the company row is locked so two saves at once leave one active scheme. Old and new go to the
 * audit log.
 */
export async function updateAgingScheme(access: CompanyAccess, input: unknown, billSourceId?: string | null): Promise<AgingSchemeSettings> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may change the aging periods.');
  const companyId = access.company.id;
  const source = await findBillSource(companyId, billSourceId);
  const reset = input === null;
  if (reset && !source) throw new AppError('BAD_REQUEST', 'Give the aging periods to save.', [{ path: 'periods', message: 'Required' }]);
  const byPreset = input !== null && typeof input === 'object' && 'preset' in input;
  const preset = byPreset ? AGING_SCHEME_PRESETS.find((x) => x.key === parseOrThrow(agingSchemePresetSchema, input).preset)! : null;
  const scheme = reset ? null : fullScheme(preset ? preset.scheme : parseOrThrow(agingSchemeSchema, input));
  if (scheme?.basis === 'billing_periods' && !source) {
    throw new AppError(
      'BAD_REQUEST',
      "Billing periods belong to a bill source: choose one, or age the company's invoices by days or calendar months.",
      [{ path: 'basis', message: 'Only a bill source can age by billing periods' }],
    );
  }
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM companies WHERE id = ${companyId}::uuid FOR UPDATE`;
    const scope = { companyId, isActive: true, billSourceId: source ? { in: [source.id] } : null };
    const before = await tx.agingScheme.findFirst({ where: scope, select: { id: true, definition: true } });
    if (before) await tx.agingScheme.update({ where: { companyId_id: { companyId, id: before.id } }, data: { isActive: false } });
    const created = scheme
      ? await tx.agingScheme.create({
          data: { companyId, billSourceId: source?.id ?? null, name: preset?.name ?? 'Custom', isActive: true, definition: asJson(scheme) },
          select: { id: true },
        })
      : null;
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: reset ? 'aging_scheme.reset' : 'aging_scheme.update',
        targetType: source ? 'bill_source' : 'aging_scheme',
        targetId: source?.id ?? created?.id,
        details: {
          billSource: source ? { id: source.id, name: source.name } : null,
          // A bill source without a scheme of its own used the company's: null says so.
          before: before || !source ? asJson(fullScheme(parseScheme(companyId, before?.definition))) : null,
          after: scheme ? asJson(scheme) : null,
          preset: preset?.key ?? null,
        },
      },
      tx,
    );
  });
  return getAgingSchemeSettings(access, source?.id);
}
