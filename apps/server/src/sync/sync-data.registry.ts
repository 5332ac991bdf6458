import { sql } from 'kysely';
import type { AccountDataRegistry } from '../accounts/account-data.registry';

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
        sql`update ebay_messages set body = null, subject = null,
              sender = case when sender = ${u} then ${r} else sender end,
              recipient = case when recipient = ${u} then ${r} else recipient end,
              thread_id = case when thread_id = coalesce(item_id, 'none') || ':' || ${u}
                then coalesce(item_id, 'none') || ':' || ${r} else thread_id end,
              raw = '{}'::jsonb
            where sender = ${u} or recipient = ${u}`,
        sql`update ebay_purchases set seller_username = ${r},
              raw = case when raw #> '{Item,Seller}' is null then raw
                else jsonb_set(raw, '{Item,Seller}', jsonb_build_object('UserID', ${r}::text)) end
            where seller_username = ${u}`,
      ];
      let n = 0;
      for (const s of statements) n += Number((await s.execute(trx)).numAffectedRows ?? 0);
      return n;
    },
  });
}
