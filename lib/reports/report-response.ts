import 'server-only';
import { fileResponse } from '@/lib/api/file-response';
import { CONTENT_TYPES, type ReportFormat, type TabularReport } from './tabular-report';
import { writeCsv } from './write-csv';
import { writePdf } from './write-pdf';
import { writeXlsx } from './write-xlsx';

/** A report as a download in `format`, streamed as it is written (a PDF page by page). */
export async function reportResponse(report: TabularReport, format: ReportFormat): Promise<Response> {
  const body = format === 'csv' ? writeCsv(report) : format === 'xlsx' ? writeXlsx(report) : await writePdf(report);
  return fileResponse(body, `${report.filename}.${format}`, CONTENT_TYPES[format]);
}
