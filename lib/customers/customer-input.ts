import { z } from 'zod';
import { paymentTermsSchema } from '@/lib/billing/payment-terms';

const text = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

/** A customer as the API and imports accept it; every field but the name optional. */
export const customerInputSchema = z.object({
  name: text('Name', 200).min(1, 'Name is required'),
  email: z.string().trim().pipe(z.email('Email must be a valid email address')).nullish(),
  addressLine1: text('Address line 1', 200).nullish(),
  addressLine2: text('Address line 2', 200).nullish(),
  city: text('City', 100).nullish(),
  region: text('Region', 100).nullish(),
  postalCode: text('Postal code', 20).nullish(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'Country must be a 2-letter ISO code')
    .nullish(),
  defaultLocationId: z.guid('Default location must be an id').nullish(),
  /** Gives invoices posted without a due date theirs; null: none (such invoices then need a due date). */
  paymentTerms: paymentTermsSchema.nullish(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;
