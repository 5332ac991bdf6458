import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ebayEnvironmentSchema } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import { parseOrThrow } from '../platform/validation';
import { tokenInfoAudit } from './token-info';

/** Admin-only TokenInfo audit; registered only when FEATURE_DEBUG_ENDPOINTS=true (404 otherwise). */
export function tokenInfoRoutes(deps: { db: Db }) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/api/admin/debug/tokeninfo/latest', { config: { access: 'admin' } }, async (request) => {
      const q = parseOrThrow(
        z.object({ environment: ebayEnvironmentSchema.optional(), limit: z.coerce.number().int().min(1).max(100).default(10) }),
        request.query,
      );
      return { tokens: await tokenInfoAudit(deps.db, q.environment ?? null, q.limit) };
    });
  };
}
