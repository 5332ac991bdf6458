import type { Role } from '@ebay-connector/contract';

/**
 * What each role may do, as the access column of `docs/api.md` grants it: viewer < operator < admin, each with
 * every right of the roles below it.
 */
export const roleDescriptions: Record<Role, string> = {
  viewer:
    'Reads everything: eBay accounts, sync runs and schedules, API logs and live events, the dashboard and the synced data with its CSV exports.',
  operator:
    "Everything a viewer can, plus: connects, relabels and disconnects eBay accounts (a disconnect can also delete the account's synced data), refreshes their tokens, starts and stops syncs and edits schedules.",
  admin:
    'Everything an operator can, plus: adds users, changes their roles, disables and enables them, resets their passwords, and sees system health and token records.',
};
