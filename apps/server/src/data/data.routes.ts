import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../platform/errors';
import { parseOrThrow } from '../platform/validation';
import type { SyncDb } from '../sync/sync-db';
import { detailReader, type DetailSpec } from './detail-engine';
import {
  disputeDetail,
  inventoryItemDetail,
  orderDetail,
  payoutDetail,
  purchaseDetail,
  transactionDetail,
} from './detail-specs';
import { csvStream, listPageJson, queryShape, type ListQuery } from './list-engine';
import { lists } from './list-specs';
import { readThreadDetail, threadsPageJson } from './message-threads.repository';

/** Ids are unique per account only: `accountId` picks the account when several have the same id. */
const detailQuery = z.object({ accountId: z.uuid().optional() });
const idParam = z.object({ id: z.string().min(1).max(200) });
const threadParam = z.object({ threadId: z.string().min(1).max(200) });
const threadsQuery = z.object({
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

/** URL path -> detail, and the 404 message when no record has the id. */
const details: ReadonlyArray<readonly [string, DetailSpec, string]> = [
  ['/api/orders/:id', orderDetail, 'No synced order with this id'],
  ['/api/finances/transactions/:id', transactionDetail, 'No synced transaction with this id'],
  ['/api/finances/payouts/:id', payoutDetail, 'No synced payout with this id'],
  ['/api/disputes/:id', disputeDetail, 'No synced dispute with this id'],
  ['/api/inventory/:id', inventoryItemDetail, 'No synced inventory item with this SKU'],
  ['/api/purchases/:id', purchaseDetail, 'No synced purchase with this id'],
];

const json = (reply: FastifyReply, text: string) => reply.type('application/json; charset=utf-8').send(text);

/** Read APIs over synced data: lists (JSON or CSV, `?format=csv` or a `.csv` path) and details with links. */
export function dataRoutes(deps: { db: SyncDb }) {
  const { db } = deps;
  return async function register(app: FastifyInstance): Promise<void> {
    for (const [path, spec] of lists) {
      const schema = queryShape(spec);
      const handler = (forceCsv: boolean) => async (request: { query: unknown }, reply: FastifyReply) => {
        const q = parseOrThrow(schema, request.query) as ListQuery;
        if (forceCsv || q.format === 'csv') {
          reply.header('content-type', 'text/csv; charset=utf-8');
          reply.header('content-disposition', `attachment; filename="${spec.name}.csv"`);
          return reply.send(csvStream(db, spec, q));
        }
        return json(reply, await listPageJson(db, spec, q));
      };
      app.get(path, { config: { access: 'authenticated' } }, handler(false));
      app.get(`${path}.csv`, { config: { access: 'authenticated' } }, handler(true));
    }

    for (const [path, spec, missing] of details) {
      const read = detailReader(db, spec);
      const narrow: Record<string, z.ZodType> = {};
      for (const param of Object.keys(spec.narrow ?? {}))
        narrow[param] = z.string().min(1).max(40).optional();
      const query = detailQuery.extend(narrow);
      app.get(path, { config: { access: 'authenticated' } }, async (request, reply) => {
        const { id } = parseOrThrow(idParam, request.params);
        const { accountId, ...rest } = parseOrThrow(query, request.query) as { accountId?: string } & Record<
          string,
          string | undefined
        >;
        const text = await read(id, { accountId, narrow: rest });
        if (text === undefined) throw notFound(missing);
        return json(reply, text);
      });
    }

    app.get('/api/messages/threads', { config: { access: 'authenticated' } }, async (request, reply) => {
      const q = parseOrThrow(threadsQuery, request.query);
      return json(reply, await threadsPageJson(db, q));
    });

    app.get(
      '/api/messages/threads/:threadId',
      { config: { access: 'authenticated' } },
      async (request, reply) => {
        const { threadId } = parseOrThrow(threadParam, request.params);
        const { accountId } = parseOrThrow(detailQuery, request.query);
        const detail = await readThreadDetail(db, threadId, accountId);
        if (detail.found) return json(reply, detail.json);
        if (detail.reason === 'ambiguous') {
          throw new AppError(422, 'validation_failed', 'Several accounts have a conversation with this id', [
            { path: 'accountId', message: 'required: several accounts have a conversation with this id' },
          ]);
        }
        throw notFound('No synced conversation with this id');
      },
    );
  };
}
