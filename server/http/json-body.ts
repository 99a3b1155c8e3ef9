// A JSON answer with its length: the compression middleware (app.ts) then leaves a small body as it is. Without a
// length it cannot tell, and wraps every answer — a push's few hundred bytes included — in a gzip stream, which
// costs a request more CPU than everything else it does.
import { Buffer } from 'node:buffer';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function jsonBody(c: Context, value: unknown, status: ContentfulStatusCode = 200): Response {
  const text = JSON.stringify(value);
  return c.body(text, status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
}
