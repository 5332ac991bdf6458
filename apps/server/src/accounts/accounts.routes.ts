import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { updateAccountRequestSchema, type EbayEnvironment } from '@ebay-connector/contract';
import { isEbayApiError } from '@ebay-connector/ebay-client';
import { AppError, notFound } from '../platform/errors';
import { booleanParam, isUuid, parseOrThrow } from '../platform/validation';
import type { AccountsService } from './accounts.service';

const purgeQuery = z.object({ purge: booleanParam });
const dryRunQuery = z.object({ dryRun: booleanParam });

/** An id that is not a UUID cannot name an account: 404 like any unknown id. */
function accountId(params: unknown): string {
  const id = (params as { id?: string }).id ?? '';
  if (!isUuid(id)) throw notFound('No eBay account with this id');
  return id.toLowerCase();
}

function failure(result: { code: string; message: string }): AppError {
  switch (result.code) {
    case 'not_found':
      return notFound(result.message);
    case 'not_connected':
      return new AppError(409, 'account_not_connected', result.message);
    default:
      return new AppError(409, 'reauth_required', result.message);
  }
}

export function accountsRoutes(deps: {
  accounts: AccountsService;
  environment: EbayEnvironment;
  demoLiveOrdersPerDay: number | null;
}) {
  const { accounts } = deps;
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/api/ebay/accounts', { config: { access: 'authenticated' } }, async () => ({
      accounts: await accounts.list(),
      environment: deps.environment,
      demoLiveOrdersPerDay: deps.demoLiveOrdersPerDay,
    }));

    app.get('/api/ebay/accounts/:id', { config: { access: 'authenticated' } }, async (request) => {
      const account = await accounts.get(accountId(request.params));
      if (!account) throw notFound('No eBay account with this id');
      return { account };
    });

    app.patch('/api/ebay/accounts/:id', { config: { access: 'operator' } }, async (request) => {
      const id = accountId(request.params);
      const body = parseOrThrow(updateAccountRequestSchema, request.body);
      const account = await accounts.relabel(id, body.label);
      if (!account) throw notFound('No eBay account with this id');
      return { account };
    });

    app.delete('/api/ebay/accounts/:id', { config: { access: 'operator' } }, async (request) => {
      const id = accountId(request.params);
      const query = parseOrThrow(purgeQuery, request.query);
      const result = await accounts.disconnect(id, query.purge);
      if (!result.ok) throw failure(result);
      return result.value;
    });

    app.post('/api/ebay/accounts/:id/refresh', { config: { access: 'operator' } }, async (request) => {
      const id = accountId(request.params);
      const query = parseOrThrow(dryRunQuery, request.query);
      try {
        const result = await accounts.refresh(id, query.dryRun, request.id);
        if (!result.ok) throw failure(result);
        return result.value;
      } catch (err) {
        if (isEbayApiError(err)) {
          request.log.warn({ accountId: id, kind: err.kind, status: err.status }, 'manual token refresh failed');
          throw new AppError(502, 'ebay_unavailable', `eBay did not refresh the token: ${err.kind}`);
        }
        throw err;
      }
    });
  };
}
