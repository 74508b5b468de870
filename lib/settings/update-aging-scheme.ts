import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AGING_SCHEME_PRESETS, agingSchemeSchema, fullScheme, type AgingScheme } from '@/lib/aging/scheme';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { parseScheme } from '@/lib/receivables/get-aging-context';
import { getAgingSchemeSettings, type AgingSchemeSettings } from './get-aging-scheme-settings';

const asJson = (s: AgingScheme): Prisma.InputJsonObject => ({ ...s, periods: s.periods.map((p) => ({ ...p })) });

const PRESET_KEYS = AGING_SCHEME_PRESETS.map((p) => p.key) as [string, ...string[]];

/** `{ preset }` naming one of AGING_SCHEME_PRESETS; anything else is read as a whole scheme (agingSchemeSchema). */
export const agingSchemePresetSchema = z.object({ preset: z.enum(PRESET_KEYS, `Preset must be one of ${PRESET_KEYS.join(', ')}`) }).strict();

/**
 * Replaces the company's aging scheme (admins). The aging page, its exports, statements and dunning read the
 * scheme on each use and the running totals are kept by date, not by bucket, so balances re-bucket at once.
 * The previous scheme is kept inactive; the company row is locked so two saves at once leave one active scheme.
 * Old and new go to the audit log.
 */
export async function updateAgingScheme(access: CompanyAccess, input: unknown): Promise<AgingSchemeSettings> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may change the aging periods.');
  const byPreset = input !== null && typeof input === 'object' && 'preset' in input;
  const preset = byPreset ? AGING_SCHEME_PRESETS.find((x) => x.key === parseOrThrow(agingSchemePresetSchema, input).preset)! : null;
  const scheme = fullScheme(preset ? preset.scheme : parseOrThrow(agingSchemeSchema, input));
  const companyId = access.company.id;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM companies WHERE id = ${companyId}::uuid FOR UPDATE`;
    const before = await tx.agingScheme.findFirst({ where: { companyId, isActive: true }, select: { id: true, definition: true } });
    if (before) await tx.agingScheme.update({ where: { companyId_id: { companyId, id: before.id } }, data: { isActive: false } });
    const created = await tx.agingScheme.create({
      data: { companyId, name: preset?.name ?? 'Custom', isActive: true, definition: asJson(scheme) },
      select: { id: true },
    });
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: 'aging_scheme.update',
        targetType: 'aging_scheme',
        targetId: created.id,
        details: { before: asJson(fullScheme(parseScheme(companyId, before?.definition))), after: asJson(scheme), preset: preset?.key ?? null },
      },
      tx,
    );
  });
  return getAgingSchemeSettings(access);
}
