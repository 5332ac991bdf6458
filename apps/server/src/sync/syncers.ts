import { disputesSyncer } from './disputes.syncer';
import { financesSyncer, payoutsSyncer } from './finances.syncer';
import { inventorySyncer, offersSyncer } from './inventory.syncer';
import { messagesSyncer } from './messages.syncer';
import { createOrdersSyncer } from './orders.syncer';
import { purchasesSyncer } from './purchases.syncer';
import type { SyncResource } from './resources';
import type { Syncer } from './syncer';

/** One syncer per resource. */
export function createSyncers(options: { orderCancelDetails: boolean }): ReadonlyMap<SyncResource, Syncer> {
  const all: Syncer[] = [
    createOrdersSyncer({ cancelDetails: options.orderCancelDetails }),
    financesSyncer,
    payoutsSyncer,
    disputesSyncer,
    messagesSyncer,
    inventorySyncer,
    offersSyncer,
    purchasesSyncer,
  ];
  return new Map(all.map((s) => [s.resource, s]));
}
