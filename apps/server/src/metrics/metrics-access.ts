import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated, type AppError } from '../platform/errors';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Who may scrape `/metrics`. With a token: exactly `Authorization: Bearer <token>` (compared in constant time).
 * Without one: loopback clients only. `request.ip` honours `TRUST_PROXY`, so a reverse proxy on the same host
 * forwarding an outside client is refused as that client.
 */
export function checkMetricsAccess(request: Pick<FastifyRequest, 'headers' | 'ip'>, token: string | null): AppError | null {
  if (token === null) {
    return LOOPBACK.has(request.ip) ? null : forbidden('/metrics is readable from loopback only; set METRICS_TOKEN to allow remote scrapes');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1] || !timingSafeEqual(digest(match[1]), digest(token))) {
    return unauthenticated('/metrics requires "Authorization: Bearer <METRICS_TOKEN>"');
  }
  return null;
}
