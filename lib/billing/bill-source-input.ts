import { z } from 'zod';
import { billingFrequencySchema } from '@/lib/aging/billing-frequency';

export const billSourceInputSchema = z.object({
  name: z.string('Name is required').trim().min(1, 'Name is required').max(60, 'Name must be at most 60 characters'),
  frequency: billingFrequencySchema,
});
export type BillSourceInput = z.infer<typeof billSourceInputSchema>;
