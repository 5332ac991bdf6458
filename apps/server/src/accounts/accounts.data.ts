import type { AccountDataRegistry } from './account-data.registry';

/** When a connected seller deletes their eBay account: forget the username and the tokens. */
export function registerAccountsData(registry: AccountDataRegistry): void {
  registry.registerAnonymiser({
    name: 'ebay_accounts',
    async anonymise(trx, user, replacement) {
      const rows = await trx
        .updateTable('ebay_accounts')
        .set({ username: replacement, status: 'revoked', updated_at: new Date() })
        .where('ebay_user_id', '=', user.ebayUserId)
        .returning('id')
        .execute();
      if (rows.length > 0) {
        await trx.deleteFrom('ebay_tokens').where('account_id', 'in', rows.map((r) => r.id)).execute();
      }
      return rows.length;
    },
  });
}
