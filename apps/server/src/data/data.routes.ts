import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../platform/errors';
import { booleanParam, parseOrThrow } from '../platform/validation';
import type { SyncDb } from '../sync/sync-db';
import { detailReader, type DetailRead, type DetailSpec } from './detail-engine';
import {
  disputeDetail,
  inventoryItemDetail,
  orderDetail,
  payoutDetail,
  purchaseDetail,
  threadDetail,
  transactionDetail,
} from './detail-specs';
import { csvStream, listPageJson, queryShape, type ListQuery } from './list-engine';
import { lists } from './list-specs';
import { threadsPageJson } from './message-threads.repository';

/** Ids are unique per account only: `accountId` picks the account when several have the same id (else 422). */
const detailQuery = z.object({ accountId: z.uuid().optional() });
const idParam = z.object({ id: z.string().min(1).max(200) });
const threadsQuery = z.object({
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
  withTotal: booleanParam,
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

/** The wording of a detail whose record is `noun` ("order") looked up by its `idName`. */
function wordingFor(noun: string, idName = 'id'): DetailWording {
  const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
  return {
    notFound: `No synced ${noun} with this ${idName}`,
    several: { accountId: `several accounts have ${article} ${noun} with this ${idName}` },
  };
}

const transactionWording = wordingFor('transaction');

/** URL path -> detail, and the wording of its errors. */
const details: ReadonlyArray<readonly [string, DetailSpec, DetailWording]> = [
  ['/api/orders/:id', orderDetail, wordingFor('order')],
  [
    '/api/finances/transactions/:id',
    transactionDetail,
    {
      ...transactionWording,
      several: { ...transactionWording.several, type: 'transactions of several types have this id' },
    },
  ],
  ['/api/finances/payouts/:id', payoutDetail, wordingFor('payout')],
  ['/api/disputes/:id', disputeDetail, wordingFor('dispute')],
  ['/api/inventory/:id', inventoryItemDetail, wordingFor('inventory item', 'SKU')],
  ['/api/purchases/:id', purchaseDetail, wordingFor('purchase')],
  ['/api/messages/threads/:id', threadDetail, wordingFor('conversation')],
];

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
  };
}
