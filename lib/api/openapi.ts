import 'server-only';
import { z } from 'zod';
import { customerInputSchema } from '@/lib/customers/customer-input';
import { invoiceInputSchema } from '@/lib/invoices/create-invoice';
import { applyCreditSchema } from '@/lib/ledger/apply-credit';
import { recordCreditNoteSchema } from '@/lib/ledger/record-credit-note';
import { recordPaymentSchema } from '@/lib/ledger/record-payment';
import { writeOffSchema } from '@/lib/ledger/write-off-invoice';

/** The same zod schemas the handlers parse with, as JSON Schema: the document cannot drift from the code. */
const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ERRORS = {
  400: errorResponse('Invalid input: `issues` names each bad field'),
  401: errorResponse('No valid credentials'),
  403: errorResponse('Not permitted for this location'),
  404: errorResponse('No such company (for this user), customer, invoice, payment or credit note'),
  409: errorResponse('Conflicts with existing data'),
};
const slug = { name: 'company', in: 'path', required: true, schema: { type: 'string' }, description: 'Company slug' };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const query = (name: string, description: string) => ({ name, in: 'query', required: false, schema: { type: 'string' }, description });

function write(summary: string, schema: z.ZodType, params: object[] = [slug], ok = '201') {
  return {
    post: {
      summary,
      parameters: params,
      requestBody: { required: true, content: { 'application/json': { schema: json(schema) } } },
      responses: { [ok]: { description: 'Done' }, ...ERRORS },
    },
  };
}

export function openApiDocument() {
  const applyBody = applyCreditSchema.omit({ source: true, id: true });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Agewise API',
      version: '1',
      description:
        'Accounts receivable aging and collections. Amounts are integers in minor units in answers; amounts sent are decimal strings such as "1250.00".',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (Settings → API tokens)' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
    paths: {
      '/api/v1/companies/{company}/aging': {
        get: {
          summary: 'Aging by customer, one page, with the summary over all rows',
          parameters: [
            slug,
            query('asOf', 'YYYY-MM-DD'),
            query('locations', 'comma-separated location ids'),
            query('currency', 'ISO code'),
            query('page', 'from 1'),
            query('perPage', '10, 25 or 50'),
            query('sort', 'name, total or a bucket key; - for descending'),
            query('q', 'customer name search'),
          ],
          responses: { 200: { description: 'The aging report' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/aging/export': {
        get: { summary: 'The aging report as CSV (every row)', parameters: [slug], responses: { 200: { description: 'text/csv' }, ...ERRORS } },
      },
      '/api/v1/companies/{company}/locations': {
        get: { summary: 'Locations the caller may view', parameters: [slug], responses: { 200: { description: 'Locations' }, ...ERRORS } },
      },
      '/api/v1/companies/{company}/customers': write('Create a customer', customerInputSchema),
      '/api/v1/companies/{company}/customers/{id}': {
        patch: {
          summary: 'Update a customer (fields left out stay)',
          parameters: [slug, id],
          requestBody: { required: true, content: { 'application/json': { schema: json(customerInputSchema.partial()) } } },
          responses: { 200: { description: 'Updated' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/customers/{id}/aging': {
        get: {
          summary: "A customer's aging and open invoices",
          parameters: [slug, id, query('asOf', 'YYYY-MM-DD')],
          responses: { 200: { description: 'Customer aging' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/customers/{id}/transactions': {
        get: {
          summary: "A customer's transactions with the running balance",
          parameters: [slug, id, query('from', 'YYYY-MM-DD'), query('to', 'YYYY-MM-DD'), query('currency', 'ISO code')],
          responses: { 200: { description: 'Transactions' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/invoices': write(
        'Create an invoice (idempotent by number: the same request again answers 200 with it; a different invoice under the number is 409)',
        invoiceInputSchema,
      ),
      '/api/v1/companies/{company}/invoices/{id}/post': {
        post: {
          summary: 'Post a draft invoice (it opens and starts to age)',
          parameters: [slug, id],
          responses: { 200: { description: 'Posted' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/invoices/{id}/write-offs': write(
        "Write off part or all of an invoice's balance",
        writeOffSchema.omit({ invoiceId: true }),
        [slug, id],
      ),
      '/api/v1/companies/{company}/payments': write(
        'Record a payment, on an invoice (applied at once; an overpayment stays as credit) or on a customer',
        recordPaymentSchema,
      ),
      '/api/v1/companies/{company}/payments/{id}/applications': write('Apply an unapplied payment to invoices', applyBody, [slug, id], '200'),
      '/api/v1/companies/{company}/credit-notes': write('Record a credit note on a customer', recordCreditNoteSchema),
      '/api/v1/companies/{company}/credit-notes/{id}/applications': write('Apply a credit note to invoices', applyBody, [slug, id], '200'),
      '/api/v1/companies/{company}/statements/{id}/pdf': {
        get: { summary: 'A statement as PDF', parameters: [slug, id], responses: { 200: { description: 'application/pdf' }, ...ERRORS } },
      },
      '/api/v1/companies/{company}/statement-batches/{id}/pdf': {
        get: {
          summary: "A Generate run's statements as one PDF",
          parameters: [slug, id],
          responses: { 200: { description: 'application/pdf' }, ...ERRORS },
        },
      },
    },
  };
}
