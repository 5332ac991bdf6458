import type { Db } from '../platform/database';

/**
 * Features that store data per eBay account register here, so disconnect-with-purge and marketplace account
 * deletion reach their tables without this feature knowing them. Each function runs inside the caller's
 * transaction and returns how many rows it touched (for the response and the audit record).
 */
export interface AccountPurger {
  /** Stable name shown in responses and audits, e.g. `ebay_calls`, `orders`. */
  name: string;
  purge(trx: Db, accountId: string): Promise<number>;
}

export interface EbayUserRef {
  ebayUserId: string;
  username: string;
}

export interface PersonalDataAnonymiser {
  name: string;
  /** Replaces the personal data (names, usernames, addresses, message bodies) of this eBay user. */
  anonymise(trx: Db, user: EbayUserRef, replacement: string): Promise<number>;
}

export interface AccountDataRegistry {
  registerPurger(purger: AccountPurger): void;
  registerAnonymiser(anonymiser: PersonalDataAnonymiser): void;
  purgers(): readonly AccountPurger[];
  anonymisers(): readonly PersonalDataAnonymiser[];
}

export function createAccountDataRegistry(): AccountDataRegistry {
  const purgers = new Map<string, AccountPurger>();
  const anonymisers = new Map<string, PersonalDataAnonymiser>();
  return {
    registerPurger(p) {
      if (purgers.has(p.name)) throw new Error(`purger ${p.name} registered twice`);
      purgers.set(p.name, p);
    },
    registerAnonymiser(a) {
      if (anonymisers.has(a.name)) throw new Error(`anonymiser ${a.name} registered twice`);
      anonymisers.set(a.name, a);
    },
    purgers: () => [...purgers.values()],
    anonymisers: () => [...anonymisers.values()],
  };
}
