import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AGEABLE_STATUSES } from '@/lib/aging/age-invoices';
import { todayInTimeZone, calendarDateOf } from '@/lib/aging/calendar-date';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { billingAddressLines } from '@/lib/customers/billing-address-lines';
import { renderInvoicesPdf } from '@/lib/pdf/render-invoices-pdf';
import type { InvoiceDocument } from '@/lib/pdf/documents';
import { resolveLocationFilter } from '@/lib/receivables/resolve-location-filter';
import { companySettings } from '@/lib/settings/company-settings';
import { pdfCompany } from '@/lib/statements/statement-documents';
import { safeFilePart, type PdfFile } from '@/lib/statements/get-statement-pdf';
import { assertVisibleCustomers } from '@/lib/auth/visible-customers';

export const DOWNLOAD_MESSAGES = {
  noCustomers: 'No customers selected.',
  noInvoices: 'No open invoices found for the selected customers.',
  tooMany: (limit: number) => `You can download at most ${limit} invoices at a time.`,
  failed: 'Download failed.',
} as const;

const downloadInputSchema = z.object({
  customerIds: z.array(z.guid('Each customer must be an id')).max(1000, 'Select at most 1,000 customers'),
  /** The page's location filter; empty means every location the user may view. */
  locations: z.array(z.guid('Each location must be an id')).default([]),
});

/**
 * Every open invoice of the selected customers in locations the user may view, one merged PDF, one invoice per
 * page (more when long). Over the company's cap nothing is rendered. Recorded in the audit log.
 */
export async function downloadInvoices(access: CompanyAccess, input: unknown): Promise<PdfFile & { invoiceCount: number }> {
  try {
    return await buildDownload(access, input);
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(`Invoice download failed for company ${access.company.id}`, error);
    throw new AppError('INTERNAL', DOWNLOAD_MESSAGES.failed);
  }
}

async function buildDownload(access: CompanyAccess, input: unknown): Promise<PdfFile & { invoiceCount: number }> {
  const { customerIds, locations } = parseOrThrow(downloadInputSchema, input);
  if (customerIds.length === 0) throw new AppError('BAD_REQUEST', DOWNLOAD_MESSAGES.noCustomers);
  await assertVisibleCustomers(access, customerIds);
  const locationIds = resolveLocationFilter(access, locations);
  const companyId = access.company.id;
  const where = {
    companyId,
    customerId: { in: customerIds },
    locationId: { in: locationIds },
    status: { in: [...AGEABLE_STATUSES] },
    balanceMinor: { gt: 0 },
  };

  const company = await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { settings: true } });
  const limit = companySettings(company.settings)['accounting.invoices.bulk_download_limit'];
  const count = await prisma.invoice.count({ where });
  if (count === 0) throw new AppError('BAD_REQUEST', DOWNLOAD_MESSAGES.noInvoices);
  if (count > limit) throw new AppError('BAD_REQUEST', DOWNLOAD_MESSAGES.tooMany(limit));

  const [header, invoices] = await Promise.all([
    pdfCompany(companyId),
    prisma.invoice.findMany({
      where,
      orderBy: [{ customer: { name: 'asc' } }, { dueDate: 'asc' }, { number: 'asc' }],
      take: limit,
      include: {
        customer: { select: { name: true, addressLine1: true, addressLine2: true, city: true, region: true, postalCode: true, country: true } },
        location: { select: { name: true } },
        lines: { orderBy: { position: 'asc' } },
      },
    }),
  ]);
  const docs: InvoiceDocument[] = invoices.map((i) => ({
    company: header,
    customer: { name: i.customer.name, addressLines: billingAddressLines(i.customer) },
    number: i.number,
    invoiceDate: calendarDateOf(i.invoiceDate),
    dueDate: calendarDateOf(i.dueDate),
    currency: i.currency,
    locationName: i.location.name,
    lines: i.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity.toString(),
      unitPriceMinor: Number(l.unitPriceMinor),
      lineTotalMinor: Number(l.lineTotalMinor),
    })),
    amountMinor: Number(i.amountMinor),
    balanceMinor: Number(i.balanceMinor),
  }));
  const bytes = await renderInvoicesPdf(docs);
  const today = todayInTimeZone(access.company.timeZone);
  await writeAuditLog({
    companyId,
    userId: access.userId,
    action: 'invoices.download',
    targetType: 'customer',
    details: { customerIds, invoiceIds: invoices.map((i) => i.id), invoiceCount: invoices.length, locations: locationIds },
  });
  return { filename: `${safeFilePart(access.company.name)} invoices ${today}.pdf`, bytes, invoiceCount: invoices.length };
}
