import 'server-only';
import { z } from 'zod';
import { addCollectionEntrySchema } from '@/lib/collections/add-collection-entry';
import { completeWorklistItemSchema } from '@/lib/collections/complete-worklist-item';
import { reassignCustomersSchema } from '@/lib/collections/reassign-customers';
import { markNotificationsReadSchema } from '@/lib/notifications/mark-notifications-read';
import { placeHoldSchema } from '@/lib/collections/place-hold';
import { recordPromiseSchema } from '@/lib/collections/record-promise';
import { customerCollectionFields } from '@/lib/collections/set-customer-collection';
import { customerInputSchema } from '@/lib/customers/customer-input';
import { decideRemindersSchema } from '@/lib/dunning/decide-reminders';
import { dunningPolicySchema } from '@/lib/dunning/dunning-policy';
import { agingSchemeSchema } from '@/lib/aging/scheme';
import { agingSchemePresetSchema } from '@/lib/settings/update-aging-scheme';
import { invoiceInputSchema } from '@/lib/invoices/create-invoice';
import { billSourceInputSchema } from '@/lib/billing/bill-source-input';
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
const schemeSource = query('billSource', "a bill source id: that bill source's periods; without it, the company's");

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
            query('notContactedDays', 'only customers not contacted by a person in this many days (1 to 3650)'),
            query('brokenPromise', '1: only customers with a broken or partly kept promise not followed up'),
            query('onHold', '1: only customers with an active hold or dispute'),
            query(
              'billSource',
              'a bill source id: its invoices only, aged by its own periods (unapplied money, which has no bill source, is left out)',
            ),
          ],
          responses: {
            200: { description: "The aging report; each row carries today's collections status (last contact, next action, promise, hold)" },
            ...ERRORS,
          },
        },
      },
      '/api/v1/companies/{company}/aging/detail': {
        get: {
          summary:
            'AR aging detail: one row per open invoice on the as-of date (customer, invoice, location, bill source, dates, days overdue, bucket, balance, collector, last contact), a page at a time, with the count and balance of every match',
          parameters: [
            slug,
            query('asOf', 'YYYY-MM-DD'),
            query('locations', 'comma-separated location ids'),
            query('currency', 'ISO code'),
            query('billSource', 'a bill source id: its invoices, by its own periods'),
            query('bucket', 'a bucket key of the aging periods in use (see /aging-scheme)'),
            query('customer', 'a customer id'),
            query('sort', '-days (most days overdue first, the default) or days'),
            query('page', 'from 1'),
            query('perPage', '25, 50 or 100'),
          ],
          responses: {
            200: { description: '{ asOf, currency, buckets, bucket, rows, totalRows, totalBalance, page, perPage, totalPages }' },
            ...ERRORS,
          },
        },
      },
      '/api/v1/companies/{company}/payments/export': {
        get: {
          summary: 'Payments received as CSV, with the same filters as GET /payments (at most 100,000 rows)',
          parameters: [
            slug,
            query('from', 'YYYY-MM-DD'),
            query('to', 'YYYY-MM-DD'),
            query('customer', 'customer id'),
            query('method', 'payment method'),
            query('q', 'reference, from its start'),
            query('currency', 'ISO code'),
          ],
          responses: { 200: { description: 'text/csv' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/aging/export': {
        get: {
          summary:
            "The aging report, every row, with a Total row and each bucket's share: the aging query's parameters and format=csv (default), xlsx (Excel, streamed) or pdf (landscape, at most 5,000 rows)",
          parameters: [slug, query('format', 'csv, xlsx or pdf')],
          responses: { 200: { description: 'text/csv, an .xlsx workbook or application/pdf' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/dashboard': {
        get: {
          summary:
            "The dashboard's figures in the base currency for the caller's locations: totals (AR, overdue, share, unapplied), DSO, buckets, health against the thresholds, the 13-week forecast (due, promised, expected from each customer's days late), the 13-week trend by bucket from the weekly snapshots with the 60+ creep alert (`trend.creep`: the week ends compared, or null) and the five largest risks",
          parameters: [slug],
          responses: {
            200: {
              description:
                '{ asOf, currency, totals, dso, sales90, buckets, amounts, health, forecast, expectedAt, trend: { buckets, weeks, creep }, risks }',
            },
            ...ERRORS,
          },
        },
      },
      '/api/v1/companies/{company}/aging/detail/export': {
        get: {
          summary:
            "The AR aging detail, every matching invoice (streamed in constant memory), with a Total row: the detail's parameters and format=csv, xlsx or pdf",
          parameters: [slug, query('format', 'csv, xlsx or pdf')],
          responses: { 200: { description: 'text/csv, an .xlsx workbook or application/pdf' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/locations': {
        get: { summary: 'Locations the caller may view', parameters: [slug], responses: { 200: { description: 'Locations' }, ...ERRORS } },
      },
      '/api/v1/companies/{company}/bill-sources': {
        get: {
          summary: 'Bill sources by name, each with its billing frequency and whether it has aging periods of its own',
          parameters: [slug],
          responses: { 200: { description: '{ billSources }' }, ...ERRORS },
        },
        ...write('Add a bill source (admins): a name and how often it bills (weekly, every N days, monthly, quarterly)', billSourceInputSchema),
      },
      '/api/v1/companies/{company}/bill-sources/{id}': {
        put: {
          summary: 'Rename a bill source or change its billing frequency (admins); its invoices re-bucket at once where it ages by billing periods',
          parameters: [slug, id],
          requestBody: { required: true, content: { 'application/json': { schema: json(billSourceInputSchema) } } },
          responses: { 200: { description: 'The bill source' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/customers': write('Create a customer (paymentTerms give invoices without a due date theirs)', customerInputSchema),
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
      '/api/v1/companies/{company}/invoices': {
        get: {
          summary: "Every invoice in the caller's locations, whatever its state, a page at a time with totals per currency",
          parameters: [
            slug,
            query('state', 'comma-separated: draft, open, partially_paid, paid, written_off, void, archived'),
            query('bucket', "a bucket key of the company's aging periods, today"),
            query('customer', 'customer id'),
            query('locations', 'comma-separated location ids'),
            query('billSource', 'bill source id'),
            query('currency', 'ISO code'),
            query('from', 'invoice date from, YYYY-MM-DD'),
            query('to', 'invoice date to, YYYY-MM-DD'),
            query('q', 'invoice number, from its start'),
            query('sort', '-invoiceDate (default), invoiceDate, -dueDate, dueDate, number, -number'),
            query('page', 'from 1'),
            query('perPage', '25, 50 or 100'),
          ],
          responses: { 200: { description: '{ rows, totalRows, totals, page, perPage, totalPages }' }, ...ERRORS },
        },
        ...write(
          'Create an invoice (idempotent by number: the same request again answers 200 with it; a different invoice under the number is 409)',
          invoiceInputSchema,
        ),
      },
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
      '/api/v1/companies/{company}/payments': {
        get: {
          summary:
            "Payments received from the caller's customers, newest first, with applied and unapplied amounts, each day's totals and the totals per currency",
          parameters: [
            slug,
            query('from', 'YYYY-MM-DD'),
            query('to', 'YYYY-MM-DD'),
            query('customer', 'customer id'),
            query('method', 'bank_transfer, check, card, cash or other'),
            query('q', 'reference, from its start'),
            query('currency', 'ISO code'),
            query('page', 'from 1'),
            query('perPage', '25, 50 or 100'),
          ],
          responses: { 200: { description: '{ rows, days, totals, totalRows, page, perPage, totalPages }' }, ...ERRORS },
        },
        ...write('Record a payment, on an invoice (applied at once; an overpayment stays as credit) or on a customer', recordPaymentSchema),
      },
      '/api/v1/companies/{company}/payments/{id}/applications': write('Apply an unapplied payment to invoices', applyBody, [slug, id], '200'),
      '/api/v1/companies/{company}/credit-notes': write('Record a credit note on a customer', recordCreditNoteSchema),
      '/api/v1/companies/{company}/credit-notes/{id}/applications': write('Apply a credit note to invoices', applyBody, [slug, id], '200'),
      '/api/v1/companies/{company}/collection-log': {
        get: {
          summary: 'The collection log, newest first: entries the caller may view (source reminder = an automatic reminder)',
          parameters: [
            slug,
            query('customerId', 'uuid'),
            query('invoiceId', 'uuid: entries naming it'),
            query('page', 'from 1'),
            query('perPage', '1 to 100'),
          ],
          responses: { 200: { description: 'One page of entries' }, ...ERRORS },
        },
        ...write('Log a contact or note with a customer, optionally naming invoices and carrying a promise to pay', addCollectionEntrySchema),
      },
      '/api/v1/companies/{company}/promises': {
        get: {
          summary: 'Promises to pay with the amount paid toward them and their state today',
          parameters: [
            slug,
            query('customerId', 'uuid'),
            query('state', 'pending, kept, partly_kept or broken'),
            query('page', 'from 1'),
            query('perPage', '1 to 100'),
          ],
          responses: { 200: { description: 'One page of promises' }, ...ERRORS },
        },
        ...write('Record a promise to pay (an amount, a date today or later, optionally invoices)', recordPromiseSchema),
      },
      '/api/v1/companies/{company}/holds': {
        get: {
          summary: 'Disputes and holds, active first',
          parameters: [
            slug,
            query('customerId', 'uuid'),
            query('invoiceId', 'uuid: holds covering it (on it or its whole customer)'),
            query('active', 'true or false'),
            query('page', 'from 1'),
            query('perPage', '1 to 100'),
          ],
          responses: { 200: { description: 'One page of holds' }, ...ERRORS },
        },
        ...write('Place a dispute or a hold on a customer or one invoice (a hold needs an end date)', placeHoldSchema),
      },
      '/api/v1/companies/{company}/holds/{id}/end': {
        post: { summary: 'End a dispute or hold now', parameters: [slug, id], responses: { 200: { description: 'Ended' }, ...ERRORS } },
      },
      '/api/v1/companies/{company}/customers/{id}/collection': {
        patch: {
          summary: "Set a customer's collector, next action and date, and reminder opt-out (fields left out stay; null clears)",
          parameters: [slug, id],
          requestBody: { required: true, content: { 'application/json': { schema: json(customerCollectionFields) } } },
          responses: { 200: { description: 'Updated' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/worklist': {
        get: {
          summary:
            'What is due today, by money at risk (overdue balance × min(days late, 180) / 30): next actions, broken promises, newly overdue customers, holds ending, reminder tasks',
          parameters: [
            slug,
            query('type', 'next_action, broken_promise, newly_overdue, hold_ending or task'),
            query('scope', "mine (a collector's default), unassigned, or everyone (managers; their default)"),
            query('collectorId', "one collector's items (managers)"),
            query('page', 'from 1'),
            query('perPage', '1 to 100'),
          ],
          responses: { 200: { description: 'One page of items' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/worklist/complete': write(
        'Complete a worklist item: writes the collection log entry, clears the item, optionally sets the next action',
        completeWorklistItemSchema,
      ),
      '/api/v1/companies/{company}/customers/reassign': write(
        "Set customers' collector in bulk (managers); null: back to the location's collector",
        reassignCustomersSchema,
        [slug],
        '200',
      ),
      '/api/v1/companies/{company}/notifications': {
        get: {
          summary: "The caller's notifications in this company, newest first, with the unread count",
          parameters: [slug, query('unread', '1: unread only'), query('page', 'from 1'), query('perPage', '1 to 100')],
          responses: { 200: { description: 'One page of notifications' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/notifications/read': write(
        "Mark the caller's notifications read: ids, or all: true",
        markNotificationsReadSchema,
        [slug],
        '200',
      ),
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
      '/api/v1/companies/{company}/aging-scheme': {
        get: {
          summary:
            "The aging periods in use, the company's or a bill source's (Pending and Current shown or not, the basis, overdue periods 1 to 13 with their day bounds), their buckets in order with what each holds, and the presets",
          parameters: [slug, schemeSource],
          responses: { 200: { description: '{ scheme, buckets, customized, presets }' }, ...ERRORS },
        },
        put: {
          summary:
            'Replace the aging periods of the company or a bill source (admins): a whole scheme, or { "preset": key }. basis is days (default), billing_periods (bill sources only) or calendar_months. The last period also holds older balances, whatever its bound; the aging page, exports, statements and reminders re-bucket at once',
          parameters: [slug, schemeSource],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { oneOf: [json(agingSchemeSchema), json(agingSchemePresetSchema)] } } },
          },
          responses: { 200: { description: 'The saved scheme, as GET answers' }, ...ERRORS },
        },
        delete: {
          summary: "Give a bill source back to the company's aging periods (admins)",
          parameters: [slug, { ...schemeSource, required: true }],
          responses: { 200: { description: 'The scheme it now uses, as GET answers' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/finance-charges': {
        get: {
          summary:
            "This month's finance charges as of today (admins): each scheme's rule, and per customer a line per charging scheme with the overdue balance charged, whether already charged this month, and what a run would create",
          parameters: [slug],
          responses: { 200: { description: '{ asOf, month, currency, rules, rows, toCharge }' }, ...ERRORS },
        },
        post: {
          summary:
            "Create this month's finance-charge invoices (admins): one per customer and month, so a second run creates nothing; held and disputed invoices and earlier finance charges are not charged",
          parameters: [slug],
          responses: { 201: { description: '{ month, currency, created, chargeMinor, alreadyCharged }' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/dunning-policy': {
        get: {
          summary: 'The dunning policy (levels by days overdue, templates, mode, minimum interval, minimums); the default chain until changed',
          parameters: [slug],
          responses: { 200: { description: 'The policy' }, ...ERRORS },
        },
        put: {
          summary: 'Replace the dunning policy (admins); an unknown merge field in a template is a 400 naming it',
          parameters: [slug],
          requestBody: { required: true, content: { 'application/json': { schema: json(dunningPolicySchema) } } },
          responses: { 200: { description: 'The saved policy' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/dunning-runs': {
        get: {
          summary: 'Collections run history, latest first (admins)',
          parameters: [slug],
          responses: { 200: { description: 'Runs' }, ...ERRORS },
        },
        post: {
          summary: "Run today's collections run now (admins): flag overdue invoices, notify, prepare reminders; resumes today's run if one exists",
          parameters: [slug],
          responses: { 201: { description: 'The run summary' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/dunning-runs/preview': {
        get: {
          summary:
            "What today's run would send, per customer and level, and why each skipped customer is skipped (admins); customers with something to send first, paged, with totals and counts per skip reason over all",
          parameters: [slug, query('page', 'from 1'), query('perPage', '1 to 200')],
          responses: { 200: { description: 'The preview' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/dunning-reminders/{id}/approve': {
        post: {
          summary:
            "Approve a reminder awaiting approval (admins; approving twice queues once): it is brought up to today first (invoices paid, on hold, disputed, promised or covered since the run are dropped; balances, days overdue and pay-by date are today's) and its email queued with the statement; one with nothing left is withdrawn",
          parameters: [slug, id],
          responses: { 200: { description: '{ changed, withdrawn, unchanged }' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/dunning-reminders/decide': {
        post: {
          summary:
            'Approve or cancel reminders awaiting approval in bulk (admins): `ids` (up to 1,000) or `all: true` (every one awaiting, in batches of 500); deciding twice changes nothing',
          parameters: [slug],
          requestBody: { required: true, content: { 'application/json': { schema: json(decideRemindersSchema) } } },
          responses: { 200: { description: '{ changed, withdrawn, unchanged }' }, ...ERRORS },
        },
      },
      '/api/v1/companies/{company}/dunning-reminders/{id}/cancel': {
        post: {
          summary: 'Cancel a reminder awaiting approval or an open reminder task (admins); its levels are not sent again',
          parameters: [slug, id],
          responses: { 200: { description: '{ changed, withdrawn, unchanged }' }, ...ERRORS },
        },
      },
    },
  };
}
