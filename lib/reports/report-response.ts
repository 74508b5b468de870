import 'server-only';
import { CONTENT_TYPES, type ReportFormat, type TabularReport } from './tabular-report';
import { writeCsv } from './write-csv';
import { writePdf } from './write-pdf';
import { writeXlsx } from './write-xlsx';

/** A report as a download in `format`: CSV and Excel stream as they are written; the PDF is sent whole. */
export async function reportResponse(report: TabularReport, format: ReportFormat): Promise<Response> {
  const filename = `${report.filename}.${format}`;
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const body = format === 'csv' ? writeCsv(report) : format === 'xlsx' ? writeXlsx(report) : Buffer.from(await writePdf(report));
  return new Response(body, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'private, no-store',
    },
  });
}
