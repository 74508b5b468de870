import 'server-only';

/**
 * A downloadable file, whole or streamed: the browser saves it under `filename` (UTF-8 names kept via RFC 5987).
 */
export function fileResponse(body: Uint8Array | ReadableStream<Uint8Array>, filename: string, contentType = 'application/pdf'): Response {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(body instanceof Uint8Array ? Buffer.from(body) : body, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'cache-control': 'private, no-store',
    },
  });
}
