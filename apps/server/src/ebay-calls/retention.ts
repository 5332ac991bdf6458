import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import { deleteOauthStatesBefore } from '../accounts/oauth-state.repository';
import { deleteEventsBefore } from './events.repository';
import { deleteLedgerRowsBefore } from './ledger.repository';

export interface RetentionSettings {
  ledgerRetentionDays: number;
  eventRetentionHours: number;
}

/** Deletes ledger rows, events and used OAuth states past their retention. Callable from a timer or a job. */
export async function pruneEbayCallData(db: Db, settings: RetentionSettings, now: Date = new Date()) {
  const ledger = await deleteLedgerRowsBefore(db, new Date(now.getTime() - settings.ledgerRetentionDays * 86_400_000));
  const events = await deleteEventsBefore(db, new Date(now.getTime() - settings.eventRetentionHours * 3_600_000));
  const oauthStates = await deleteOauthStatesBefore(db, new Date(now.getTime() - 86_400_000));
  return { ledger, events, oauthStates };
}

/** Worker-role timer until the job queue exists. Returns the stop function. */
export function startRetentionTimer(deps: { db: Db; logger: Logger; settings: RetentionSettings; intervalMs: number }): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const pruned = await pruneEbayCallData(deps.db, deps.settings);
      if (pruned.ledger + pruned.events + pruned.oauthStates > 0) deps.logger.info({ pruned }, 'pruned eBay call data');
    } catch (err) {
      deps.logger.warn({ err }, 'pruning eBay call data failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.intervalMs);
  timer.unref();
  const first = setTimeout(() => void tick(), 5_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
