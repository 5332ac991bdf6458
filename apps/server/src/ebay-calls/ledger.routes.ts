import type { FastifyInstance } from 'fastify';
import { ebayCallListQuerySchema } from '@ebay-connector/contract';
import { AppError, notFound } from '../platform/errors';
import { parseOrThrow } from '../platform/validation';
import type { Db } from '../platform/database';
import { getLedgerRow, listLedgerRows, toCallDetail } from './ledger.repository';

/** Opaque keyset cursor: the id of the last row of the page. */
export const encodeCursor = (id: string) => Buffer.from(`c1:${id}`).toString('base64url');
export function decodeCursor(cursor: string): string | null {
  const m = /^c1:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m?.[1] ?? null;
}

/** The call ledger for every signed-in user (viewer included): read-only product data with no secrets. */
export function ledgerRoutes(deps: { db: Db }) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/api/ebay/logs', { config: { access: 'authenticated' } }, async (request) => {
      const q = parseOrThrow(ebayCallListQuerySchema, request.query);
      const beforeId = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      if (beforeId === null) {
        throw new AppError(422, 'validation_failed', 'The request is not valid', [{ path: 'cursor', message: 'invalid cursor' }]);
      }
      const rows = await listLedgerRows(deps.db, { ...q, beforeId });
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return { calls: page, nextCursor: rows.length > q.limit && last ? encodeCursor(last.id) : null };
    });

    app.get('/api/ebay/logs/:id', { config: { access: 'authenticated' } }, async (request) => {
      const id = (request.params as { id: string }).id;
      if (!/^\d{1,18}$/.test(id)) throw notFound('No eBay call with this id');
      const row = await getLedgerRow(deps.db, id);
      if (!row) throw notFound('No eBay call with this id');
      return { call: toCallDetail(row) };
    });
  };
}
