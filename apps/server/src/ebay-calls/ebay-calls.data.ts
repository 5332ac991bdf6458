import type { AccountDataRegistry } from '../accounts/account-data.registry';
import { forgetUserInLedger } from './ledger.repository';

/** The ledger's part in disconnect-with-purge and marketplace account deletion. */
export function registerEbayCallsData(registry: AccountDataRegistry): void {
  registry.registerPurger({
    name: 'ebay_calls',
    async purge(trx, accountId) {
      const result = await trx.deleteFrom('ebay_calls').where('account_id', '=', accountId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  });
  registry.registerPurger({
    name: 'ebay_events',
    async purge(trx, accountId) {
      const result = await trx.deleteFrom('ebay_events').where('account_id', '=', accountId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  });
  registry.registerAnonymiser({
    name: 'ebay_calls',
    async anonymise(trx, user, replacement) {
      // Usernames shorter than 3 characters would match too much unrelated text.
      if (user.username.length < 3) return 0;
      return forgetUserInLedger(trx, user.username, replacement);
    },
  });
}
