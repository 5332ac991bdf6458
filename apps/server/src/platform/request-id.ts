import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const validRequestId = /^[A-Za-z0-9_=-]{1,255}$/;

/** Reuses an incoming `X-Request-ID` when it is 1..255 chars of `[A-Za-z0-9_=-]`, else makes a UUID. */
export function requestIdFrom(req: Pick<IncomingMessage, 'headers'>): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && validRequestId.test(incoming) ? incoming : randomUUID();
}
