import type { EbayAccount } from '@ebay-connector/contract';

/**
 * The accounts an Account filter offers. A disconnected account whose synced data was deleted has no rows left to
 * filter by; the accounts page still lists it, where it can be connected again (which clears `purgedAt`).
 */
export function accountsWithData<T extends Pick<EbayAccount, 'status' | 'purgedAt'>>(accounts: readonly T[]): T[] {
  return accounts.filter((a) => !(a.status === 'revoked' && a.purgedAt !== null));
}
