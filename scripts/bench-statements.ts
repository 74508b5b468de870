// `DATABASE_URL=postgresql://... npm run bench:statements [-- --rounds 5]`: on the `bench` company loaded by
// `npm run seed:bench`, times Generate Statements for 100 customers with the merged batch PDF, and a download
// of 100 invoices, round after round in one process (as the app server runs them), with the process memory
// after each round. Statements it creates are deleted at the end.
import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { getCompanyAccess } from '../lib/auth/get-company-access';
import { downloadInvoices } from '../lib/invoices/download-invoices';
import { generateStatements } from '../lib/statements/generate-statements';
import { getStatementsPdf } from '../lib/statements/get-statement-pdf';
import { getVisibleStatementIds } from '../lib/statements/get-visible-statement-ids';
import { BENCH_SLUG, BENCH_USERS } from './lib/bench-data';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(values.rounds);
if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to the PostgreSQL database loaded by `npm run seed:bench`.');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;

const user = await prisma.user.findUnique({ where: { email: BENCH_USERS.admin } });
const access = user && (await getCompanyAccess(user.id, BENCH_SLUG));
if (!access) {
  console.error(`No "${BENCH_SLUG}" company in this database: run \`npm run seed:bench\` first.`);
  process.exit(2);
}
const companyId = access.company.id;
const invoiceCount = await prisma.invoice.count({ where: { companyId } });

/** Customers whose open invoices add up to exactly `target`, a different slice each round. */
async function customersWithInvoices(target: number, round: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ customer_id: string; n: bigint }[]>`
    SELECT customer_id, count(*) AS n FROM invoices
    WHERE company_id = ${companyId}::uuid AND status IN ('open', 'partially_paid') AND balance_minor > 0
    GROUP BY customer_id ORDER BY customer_id OFFSET ${round * 200} LIMIT 200`;
  const picked: string[] = [];
  let sum = 0;
  for (const r of rows) {
    if (sum + Number(r.n) > target) continue;
    picked.push(r.customer_id);
    sum += Number(r.n);
    if (sum === target) return picked;
  }
  throw new Error(`could not pick customers with exactly ${target} open invoices`);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const batchIds: string[] = [];
const lines: string[][] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    let t = performance.now();
    const result = await generateStatements(access, { mode: 'open', skipRecent: '1w', locations: [], customerIds: [], email: false });
    batchIds.push(result.batchId);
    const ids = await getVisibleStatementIds(access, { batchId: result.batchId });
    const batchPdf = await getStatementsPdf(companyId, ids, 'bench.pdf');
    const generateMs = performance.now() - t;

    const customers = await customersWithInvoices(100, round);
    t = performance.now();
    const download = await downloadInvoices(access, { customerIds: customers, locations: [] });
    const downloadMs = performance.now() - t;

    gc?.();
    const mem = process.memoryUsage();
    lines.push([
      String(round),
      String(result.created),
      generateMs.toFixed(0),
      `${(batchPdf.bytes.length / 1024).toFixed(0)} KB`,
      String(download.invoiceCount),
      downloadMs.toFixed(0),
      `${(download.bytes.length / 1024).toFixed(0)} KB`,
      mb(mem.rss),
      mb(mem.heapUsed),
    ]);
  }
  console.log(
    `\nStatements benchmark: ${invoiceCount.toLocaleString('en-US')} invoices; ${rounds} rounds in one process${gc ? ', GC before each memory reading' : ''}`,
  );
  console.log('generate = eligibility over all open invoices + 100 statements (one transaction each) + the merged batch PDF\n');
  const head = ['round', 'statements', 'generate ms', 'batch PDF', 'invoices', 'download ms', 'download PDF', 'RSS MB', 'heap MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  console.log(head.map((h, i) => h.padStart(widths[i]!)).join('  '));
  for (const l of lines) console.log(l.map((c, i) => c.padStart(widths[i]!)).join('  '));
} finally {
  await prisma.$transaction([
    prisma.invoiceStatement.deleteMany({ where: { companyId, batchId: { in: batchIds } } }),
    prisma.statementBatch.deleteMany({ where: { companyId, id: { in: batchIds } } }),
  ]);
  await prisma.$disconnect();
}
