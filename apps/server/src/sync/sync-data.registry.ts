import { sql } from 'kysely';
import type { AccountDataRegistry } from '../accounts/account-data.registry';
import { refreshThreads } from './other.repository';

// The account's runs go first: the delete locks them, so a page being committed for a running sync either commits
// before (and its rows are deleted below) or finds its run gone and rolls back (see recordPage).
const tables = [
  'sync_runs',
  'ebay_order_line_items',
  'ebay_orders',
  'ebay_finance_fees',
  'ebay_finance_transactions',
  'ebay_payouts',
  'ebay_disputes',
  'ebay_messages',
  'ebay_message_threads',
  'ebay_offers',
  'ebay_inventory_items',
  'ebay_purchases',
  'sync_state',
  'sync_schedules',
] as const;

/**
 * Disconnect-with-purge removes every synced row of the account; a marketplace account deletion replaces the
 * eBay user's username (typed columns, raw payloads, message thread ids), their ship-to name and address on orders
 * (the country stays, as eBay masks old orders) and the subjects and bodies of their messages.
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
        sql`update ebay_orders set buyer_username = ${r},
              raw = jsonb_set(raw, '{buyer}', jsonb_build_object('username', ${r}::text))
                || case when jsonb_typeof(raw->'fulfillmentStartInstructions') = 'array' then jsonb_build_object(
                  'fulfillmentStartInstructions', coalesce((
                    select jsonb_agg(case when i #> '{shippingStep,shipTo}' is null then i
                      else jsonb_set(i, '{shippingStep,shipTo}', jsonb_strip_nulls(jsonb_build_object('contactAddress',
                        jsonb_strip_nulls(jsonb_build_object('countryCode', i #> '{shippingStep,shipTo,contactAddress,countryCode}')))))
                      end order by n)
                    from jsonb_array_elements(raw->'fulfillmentStartInstructions') with ordinality as f(i, n)), '[]'::jsonb))
                  else '{}'::jsonb end
            where buyer_username = ${u}`,
        sql`update ebay_finance_transactions set buyer_username = ${r}, raw = jsonb_set(raw, '{buyer}', jsonb_build_object('username', ${r}::text))
            where buyer_username = ${u}`,
        sql`update ebay_disputes set buyer_username = ${r}, raw = jsonb_set(raw, '{buyerUsername}', to_jsonb(${r}::text)), detail = null
            where buyer_username = ${u}`,
        sql`update ebay_purchases set seller_username = ${r},
              raw = case when raw #> '{Item,Seller}' is null then raw
                else jsonb_set(raw, '{Item,Seller}', jsonb_build_object('UserID', ${r}::text)) end
            where seller_username = ${u}`,
      ];
      let n = 0;
      for (const s of statements) n += Number((await s.execute(trx)).numAffectedRows ?? 0);
      // Messages: a Trading thread id names the counterpart, so the user's threads get new ids.
      const moved = await sql<{ account_id: string; old_thread: string; new_thread: string }>`
        update ebay_messages m set body = null, subject = null,
          sender = case when m.sender = ${u} then ${r} else m.sender end,
          recipient = case when m.recipient = ${u} then ${r} else m.recipient end,
          thread_id = case when m.thread_id = coalesce(m.item_id, 'none') || ':' || ${u}
            then coalesce(m.item_id, 'none') || ':' || ${r} else m.thread_id end,
          raw = '{}'::jsonb
        from (select account_id, message_id, thread_id from ebay_messages where sender = ${u} or recipient = ${u}) old
        where m.account_id = old.account_id and m.message_id = old.message_id
        returning m.account_id, old.thread_id as old_thread, m.thread_id as new_thread`.execute(trx);
      n += moved.rows.length;
      const threads = new Map<string, string[]>();
      for (const row of moved.rows) {
        threads.set(row.account_id, [...(threads.get(row.account_id) ?? []), row.old_thread, row.new_thread]);
      }
      for (const [accountId, ids] of threads) await refreshThreads(trx, accountId, ids);
      return n;
    },
  });
}
