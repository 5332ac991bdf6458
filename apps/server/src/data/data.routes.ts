import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../platform/errors';
import { parseOrThrow } from '../platform/validation';
import type { SyncDb } from '../sync/sync-db';
import { detailReader, type DetailRead, type DetailSpec } from './detail-engine';
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

/** Ids are unique per account only: `accountId` picks the account when several have the same id (else 422). */
const detailQuery = z.object({ accountId: z.uuid().optional() });
const idParam = z.object({ id: z.string().min(1).max(200) });
const threadParam = z.object({ threadId: z.string().min(1).max(200) });
const threadsQuery = z.object({
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});

/** How a detail route words its errors. */
interface DetailWording {
  /** 404 message, when no record matches. */
  notFound: string;
  /**
   * Per parameter that picks one record (`accountId` and the detail's narrowing parameters): why it is required
   * when the given parameters match several records.
   */
  several: { accountId: string } & Readonly<Record<string, string>>;
}

/** URL path -> detail, and the wording of its errors. */
const details: ReadonlyArray<readonly [string, DetailSpec, DetailWording]> = [
  [
    '/api/orders/:id',
    orderDetail,
    {
      notFound: 'No synced order with this id',
      several: { accountId: 'several accounts have an order with this id' },
    },
  ],
  [
    '/api/finances/transactions/:id',
    transactionDetail,
    {
      notFound: 'No synced transaction with this id',
      several: {
        accountId: 'several accounts have a transaction with this id',
        type: 'transactions of several types have this id',
      },
    },
  ],
  [
    '/api/finances/payouts/:id',
    payoutDetail,
    {
      notFound: 'No synced payout with this id',
      several: { accountId: 'several accounts have a payout with this id' },
    },
  ],
  [
    '/api/disputes/:id',
    disputeDetail,
    {
      notFound: 'No synced dispute with this id',
      several: { accountId: 'several accounts have a dispute with this id' },
    },
  ],
  [
    '/api/inventory/:id',
    inventoryItemDetail,
    {
      notFound: 'No synced inventory item with this SKU',
      several: { accountId: 'several accounts have an inventory item with this SKU' },
    },
  ],
  [
    '/api/purchases/:id',
    purchaseDetail,
    {
      notFound: 'No synced purchase with this id',
      several: { accountId: 'several accounts have a purchase with this id' },
    },
  ],
];

const threadWording: DetailWording = {
  notFound: 'No synced conversation with this id',
  several: { accountId: 'several accounts have a conversation with this id' },
};

const json = (reply: FastifyReply, text: string) => reply.type('application/json; charset=utf-8').send(text);

/**
 * The answer of a detail route: the JSON text when one record matches; 404 when none does; when several do, 422
 * `validation_failed` whose `details` name each left-out parameter that would pick one.
 */
function detailReply(reply: FastifyReply, read: DetailRead, wording: DetailWording) {
  if (read.found) return json(reply, read.json);
  if (read.reason === 'not_found') throw notFound(wording.notFound);
  const reasons = read.missing.map((param) => wording.several[param] ?? `several records differ in ${param}`);
  const message = reasons.join('; ');
  throw new AppError(
    422,
    'validation_failed',
    message.charAt(0).toUpperCase() + message.slice(1),
    read.missing.map((path, i) => ({ path, message: `required: ${reasons[i] ?? ''}` })),
  );
}

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

    for (const [path, spec, wording] of details) {
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
        return detailReply(reply, await read(id, { accountId, narrow: rest }), wording);
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
        return detailReply(reply, await readThreadDetail(db, threadId, accountId), threadWording);
      },
    );
  };
}
