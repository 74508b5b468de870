import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { customerInputSchema } from './customer-input';
import { termsColumns, termsOf, type PaymentTerms } from '@/lib/billing/payment-terms';
import { permittedLocations, seesEveryLocation } from '@/lib/auth/can';

export interface SavedCustomer {
  id: string;
  name: string;
  email: string | null;
  defaultLocationId: string | null;
  paymentTerms: PaymentTerms | null;
}

/**
 * Creates a customer, or updates one (a partial update: fields left out stay). The default location must be one
 * where the user may modify invoices; updating needs that on the customer's current default location too.
 */
export async function saveCustomer(access: CompanyAccess, input: unknown, customerId?: string): Promise<SavedCustomer> {
  const companyId = access.company.id;
  if (customerId !== undefined && !z.guid().safeParse(customerId).success) throw notFound('Customer');
  const schema = customerId ? customerInputSchema.partial() : customerInputSchema;
  const p = parseOrThrow(schema, input);
  const modify = new Set(permittedLocations(access, 'invoices.modify'));
  if (p.defaultLocationId && !modify.has(p.defaultLocationId)) {
    throw new AppError('FORBIDDEN', 'You may not put customers in that location.', [
      { path: 'defaultLocationId', message: 'Not a location where you can modify invoices' },
    ]);
  }
  if (!customerId && !p.defaultLocationId && !seesEveryLocation(access)) {
    throw new AppError('BAD_REQUEST', 'Choose a default location for the customer.', [{ path: 'defaultLocationId', message: 'Required' }]);
  }
  const { paymentTerms, ...fields } = p;
  const data = {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(paymentTerms === undefined ? {} : termsColumns(paymentTerms)),
  };
  return prisma.$transaction(async (tx) => {
    let saved;
    if (customerId) {
      const current = await tx.customer.findFirst({ where: { companyId, id: customerId }, select: { defaultLocationId: true } });
      if (!current) throw notFound('Customer');
      if (!seesEveryLocation(access) && !(current.defaultLocationId && modify.has(current.defaultLocationId))) {
        throw new AppError('FORBIDDEN', 'You may not change this customer: you cannot modify invoices in their location.');
      }
      saved = await tx.customer.update({ where: { companyId_id: { companyId, id: customerId } }, data });
    } else {
      saved = await tx.customer.create({ data: { ...(data as { name: string }), companyId } });
    }
    await writeAuditLog(
      {
        companyId,
        userId: access.userId,
        action: customerId ? 'customers.update' : 'customers.create',
        targetType: 'customer',
        targetId: saved.id,
        details: JSON.parse(JSON.stringify(data)),
      },
      tx,
    );
    return { id: saved.id, name: saved.name, email: saved.email, defaultLocationId: saved.defaultLocationId, paymentTerms: termsOf(saved) };
  });
}
