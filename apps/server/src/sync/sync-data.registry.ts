import { sql } from 'kysely';
import type { AccountDataRegistry } from '../accounts/account-data.registry';

const tables = [
  'ebay_order_line_items',
  'ebay_orders',
  'ebay_finance_fees',
  'ebay_finance_transactions',
  'ebay_payouts',
  'ebay_disputes',
  'ebay_messages',
  'ebay_offers',
  'ebay_inventory_items',
  'ebay_purchases',
  'sync_state',
  'sync_schedules',
  'sync_runs',
] as const;

/**
 * Disconnect-with-purge removes every synced row of the account; a marketplace account deletion replaces the
 * eBay user's username (typed columns and raw payloads) and message bodies.
 */
export function registerSyncData(registry: AccountDataRegistry): void {
  if (registry.purgers().some((p) => p.name === 'synced_data')) return;
  registry.registerPurger({
    name: 'synced_data',
    async purge(trx, accountId) {
      let n = 0;
      for (const table of tables) {
        const res = await sql`delete from ${sql.table(table)} where account_id = ${accountId}`.execute(trx);
        n += Number(res.numAffectedRows ?? 0);
      }
      return n;
    },
  });
  registry.registerAnonymiser({
    name: 'synced_data',
    async anonymise(trx, user, replacement) {
      const r = sql.lit(replacement);
      const u = user.username;
      const statements = [
        sql`update ebay_orders set buyer_username = ${r}, raw = jsonb_set(raw, '{buyer}', jsonb_build_object('username', ${r}::text))
            where buyer_username = ${u}`,
        sql`update ebay_finance_transactions set buyer_username = ${r}, raw = jsonb_set(raw, '{buyer}', jsonb_build_object('username', ${r}::text))
            where buyer_username = ${u}`,
        sql`update ebay_disputes set buyer_username = ${r}, raw = jsonb_set(raw, '{buyerUsername}', to_jsonb(${r}::text)), detail = null
            where buyer_username = ${u}`,
        sql`update ebay_messages set body = null, subject = null,
              sender = case when sender = ${u} then ${r} else sender end,
              recipient = case when recipient = ${u} then ${r} else recipient end,
              raw = '{}'::jsonb
            where sender = ${u} or recipient = ${u}`,
      ];
      let n = 0;
      for (const s of statements) n += Number((await s.execute(trx)).numAffectedRows ?? 0);
      return n;
    },
  });
}
