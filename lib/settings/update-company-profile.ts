import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { BULK_LIMIT_MAX } from './company-settings';
import { assertCan } from '@/lib/auth/can';

export const LOGO_MAX_BYTES = 256 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const threshold = (field: string) =>
  z.coerce
    .number(`${field} must be a number`)
    .int(`${field} must be a whole number`)
    .min(0, `${field} must be at least 0`)
    .max(100, `${field} must be at most 100`);

const limit = (field: string) =>
  z.coerce
    .number(`${field} must be a number`)
    .int(`${field} must be a whole number`)
    .min(1, `${field} must be at least 1`)
    .max(BULK_LIMIT_MAX, `${field} must be at most ${BULK_LIMIT_MAX.toLocaleString('en-US')}`);

export const companyProfileSchema = z.object({
  remitTo: z
    .string()
    .trim()
    .max(500, 'Remit-to must be at most 500 characters')
    .refine((v) => v.split('\n').length <= 8, 'Remit-to must be at most 8 lines'),
  downloadLimit: limit('Download limit'),
  generateLimit: limit('Statement batch limit'),
  /** The dashboard's health thresholds, in percent of what is owed; absent: unchanged. */
  health3160: threshold('31-60 days threshold').optional(),
  health61: threshold('Over 60 days threshold').optional(),
  /** 'keep' the current logo, 'remove' it, or 'replace' with `logo`. */
  logoAction: z.enum(['keep', 'remove', 'replace']).default('keep'),
});

function checkPng(bytes: Uint8Array): void {
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new AppError('BAD_REQUEST', `The logo must be at most ${LOGO_MAX_BYTES / 1024} KB.`, [{ path: 'logo', message: 'Too large' }]);
  }
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new AppError('BAD_REQUEST', 'The logo must be a PNG image.', [{ path: 'logo', message: 'Not a PNG image' }]);
  }
}

/**
 * What invoices and statements print for the company (remit-to block, logo) and its bulk limits. Admins only;
 * recorded in the audit log.
 */
export async function updateCompanyProfile(access: CompanyAccess, input: unknown, logo: Uint8Array | null): Promise<void> {
  assertCan(access, 'company.manage', undefined, 'Only company admins can change company settings.');
  const p = parseOrThrow(companyProfileSchema, input);
  if (p.logoAction === 'replace') {
    if (!logo || logo.length === 0) throw new AppError('BAD_REQUEST', 'Choose a PNG file for the logo.', [{ path: 'logo', message: 'Missing' }]);
    checkPng(logo);
  }
  await prisma.$transaction(async (tx) => {
    const current = await tx.company.findUniqueOrThrow({ where: { id: access.company.id }, select: { settings: true } });
    const settings = {
      ...(current.settings && typeof current.settings === 'object' && !Array.isArray(current.settings) ? current.settings : {}),
      'accounting.invoices.bulk_download_limit': p.downloadLimit,
      'accounting.statements.bulk_generate_limit': p.generateLimit,
      ...(p.health3160 === undefined ? {} : { 'dashboard.health.days_31_60_max_pct': p.health3160 }),
      ...(p.health61 === undefined ? {} : { 'dashboard.health.days_61_plus_max_pct': p.health61 }),
    } as Prisma.InputJsonObject;
    await tx.company.update({
      where: { id: access.company.id },
      data: {
        remitTo: p.remitTo === '' ? null : p.remitTo,
        settings,
        ...(p.logoAction === 'remove' ? { logoPng: null } : p.logoAction === 'replace' && logo ? { logoPng: Buffer.from(logo) } : {}),
      },
    });
    await writeAuditLog(
      {
        companyId: access.company.id,
        userId: access.userId,
        action: 'company.settings.update',
        targetType: 'company',
        targetId: access.company.id,
        details: {
          remitTo: p.remitTo,
          downloadLimit: p.downloadLimit,
          generateLimit: p.generateLimit,
          health3160: p.health3160 ?? null,
          health61: p.health61 ?? null,
          logo: p.logoAction,
        },
      },
      tx,
    );
  });
}
