import type { FastifyInstance } from 'fastify';
import { dashboardQuerySchema } from '@ebay-connector/contract';
import { AppError } from '../platform/errors';
import type { Db } from '../platform/database';
import { parseOrThrow } from '../platform/validation';
import { buildDashboard } from './dashboard.service';

/** `GET /api/dashboard`: figures of the synced data for every signed-in user. */
export function dashboardRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/api/dashboard', { config: { access: 'authenticated' } }, async (request) => {
      const q = parseOrThrow(dashboardQuerySchema, request.query);
      const result = await buildDashboard(db, { accountId: q.accountId ?? null, days: q.days });
      if (!result.ok) throw new AppError(404, 'account_not_found', 'No eBay account with this id');
      return result.value;
    });
  };
}
