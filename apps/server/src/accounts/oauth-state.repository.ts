import type { Selectable } from 'kysely';
import type { EbayEnvironment } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import type { EbayOauthStatesTable } from './accounts.tables';

export type OauthStateRow = Selectable<EbayOauthStatesTable>;

export async function insertOauthState(
  db: Db,
  state: {
    stateHash: string;
    userId: string;
    environment: EbayEnvironment;
    label: string | null;
    returnTo: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('ebay_oauth_states')
    .values({
      state_hash: state.stateHash,
      user_id: state.userId,
      environment: state.environment,
      label: state.label,
      return_to: state.returnTo,
      expires_at: state.expiresAt,
    })
    .execute();
}

/**
 * Marks the state used and returns it, atomically: of two callbacks racing with one state only one gets a row.
 * Returns `undefined` when the state is unknown or was already used (see `findOauthState` to tell them apart).
 */
export async function consumeOauthState(db: Db, stateHash: string, now: Date): Promise<OauthStateRow | undefined> {
  return db
    .updateTable('ebay_oauth_states')
    .set({ used_at: now })
    .where('state_hash', '=', stateHash)
    .where('used_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function findOauthState(db: Db, stateHash: string): Promise<OauthStateRow | undefined> {
  return db.selectFrom('ebay_oauth_states').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
}

/** Old states are kept a day (so a replay is reported as such), then deleted. */
export async function deleteOauthStatesBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('ebay_oauth_states').where('expires_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
