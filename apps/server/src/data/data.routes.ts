import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { notFound } from '../platform/errors';
import { parseOrThrow } from '../platform/validation';
import type { SyncDb } from '../sync/sync-db';
import { csvStream, listPageJson, queryShape, type ListQuery } from './list-engine';
import { lists } from './list-specs';
import { orderDetailReader } from './order-detail.repository';

/** Ids are unique per account only: `accountId` picks the account when several have the same id. */
const detailQuery = z.object({ accountId: z.uuid().optional() });
const transactionDetailQuery = detailQuery.extend({ type: z.string().min(1).max(40).optional() });
const idParam = z.object({ id: z.string().min(1).max(200) });

/** Read APIs over synced data: lists (JSON or CSV, `?format=csv` or a `.csv` path) and details with links. */
export function dataRoutes(deps: { db: SyncDb }) {
  const { db } = deps;
  const orderDetail = orderDetailReader(db);
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
        return reply.type('application/json; charset=utf-8').send(await listPageJson(db, spec, q));
      };
      app.get(path, { config: { access: 'authenticated' } }, handler(false));
      app.get(`${path}.csv`, { config: { access: 'authenticated' } }, handler(true));
    }

    app.get<{ Params: { id: string } }>(
      '/api/orders/:id',
      { config: { access: 'authenticated' } },
      async (request) => {
        const { id } = parseOrThrow(idParam, request.params);
        const q = parseOrThrow(detailQuery, request.query);
        const detail = await orderDetail(id, q.accountId);
        if (!detail) throw notFound('No synced order with this id');
        return detail;
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/finances/transactions/:id',
      { config: { access: 'authenticated' } },
      async (request) => {
        const { id } = parseOrThrow(idParam, request.params);
        const q = parseOrThrow(transactionDetailQuery, request.query);
        let tq = db.selectFrom('ebay_finance_transactions').selectAll().where('transaction_id', '=', id);
        if (q.accountId) tq = tq.where('account_id', '=', q.accountId);
        // transactionId is unique together with transactionType (eBay).
        if (q.type) tq = tq.where('transaction_type', '=', q.type);
        const transaction = await tq.executeTakeFirst();
        if (!transaction) throw notFound('No synced transaction with this id');
        const fees = await db
          .selectFrom('ebay_finance_fees')
          .selectAll()
          .where('account_id', '=', transaction.account_id)
          .where('transaction_id', '=', id)
          .where('transaction_type', '=', transaction.transaction_type)
          .orderBy('seq')
          .execute();
        const payout = transaction.payout_id
          ? await db
              .selectFrom('ebay_payouts')
              .selectAll()
              .where('account_id', '=', transaction.account_id)
              .where('payout_id', '=', transaction.payout_id)
              .executeTakeFirst()
          : undefined;
        return { transaction, fees, payout: payout ?? null, orderId: transaction.order_id };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/finances/payouts/:id',
      { config: { access: 'authenticated' } },
      async (request) => {
        const { id } = parseOrThrow(idParam, request.params);
        const q = parseOrThrow(detailQuery, request.query);
        let pq = db.selectFrom('ebay_payouts').selectAll().where('payout_id', '=', id);
        if (q.accountId) pq = pq.where('account_id', '=', q.accountId);
        const payout = await pq.executeTakeFirst();
        if (!payout) throw notFound('No synced payout with this id');
        const transactions = await db
          .selectFrom('ebay_finance_transactions')
          .select([
            'transaction_id',
            'transaction_type',
            'transaction_date',
            'amount_value',
            'amount_currency',
            'order_id',
          ])
          .where('account_id', '=', payout.account_id)
          .where('payout_id', '=', id)
          .orderBy('transaction_date')
          .execute();
        return { payout, transactions };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/disputes/:id',
      { config: { access: 'authenticated' } },
      async (request) => {
        const { id } = parseOrThrow(idParam, request.params);
        const q = parseOrThrow(detailQuery, request.query);
        let dq = db.selectFrom('ebay_disputes').selectAll().where('payment_dispute_id', '=', id);
        if (q.accountId) dq = dq.where('account_id', '=', q.accountId);
        const dispute = await dq.executeTakeFirst();
        if (!dispute) throw notFound('No synced dispute with this id');
        const order = dispute.order_id
          ? await db
              .selectFrom('ebay_orders')
              .select(['order_id', 'created_at_ebay', 'buyer_username', 'total_value', 'total_currency'])
              .where('account_id', '=', dispute.account_id)
              .where('order_id', '=', dispute.order_id)
              .executeTakeFirst()
          : undefined;
        return { dispute, order: order ?? null };
      },
    );

    app.get('/api/messages/threads', { config: { access: 'authenticated' } }, async (request) => {
      const q = parseOrThrow(
        z.object({
          accountId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        request.query,
      );
      const rows = await sql<Record<string, unknown>>`
        select account_id as "accountId", thread_id as "threadId", max(item_title) as "itemTitle", count(*)::int as "messageCount",
          count(*) filter (where not coalesce(is_read, false))::int as "unread", max(received_at) as "lastMessageAt"
        from ebay_messages
        where ${q.accountId ? sql`account_id = ${q.accountId}::uuid` : sql`true`}
        group by account_id, thread_id order by max(received_at) desc limit ${q.limit}`.execute(db);
      return { threads: rows.rows };
    });

    app.get<{ Params: { id: string } }>(
      '/api/inventory/:id',
      { config: { access: 'authenticated' } },
      async (request) => {
        const { id } = parseOrThrow(idParam, request.params);
        const q = parseOrThrow(detailQuery, request.query);
        let iq = db.selectFrom('ebay_inventory_items').selectAll().where('sku', '=', id);
        if (q.accountId) iq = iq.where('account_id', '=', q.accountId);
        const item = await iq.executeTakeFirst();
        if (!item) throw notFound('No synced inventory item with this SKU');
        const offers = await db
          .selectFrom('ebay_offers')
          .selectAll()
          .where('account_id', '=', item.account_id)
          .where('sku', '=', id)
          .execute();
        return { item, offers };
      },
    );
  };
}
