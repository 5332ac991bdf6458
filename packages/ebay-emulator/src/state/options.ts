import type { FaultConfig } from '../faults/fault-config';
import type { QuotaLimits } from '../quotas/quota-config';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free port. */
  port: number;
  host: string;
  /** Seed of every generated record and of the probabilistic faults. */
  seed: number;
  /** Number of sellers (accounts a user can consent as). */
  sellers: number;
  /** Orders generated per seller. */
  ordersPerSeller: number;
  /** Days of order history ending at the start time (max 720, eBay serves 2 years). */
  historyDays: number;
  /** Inventory items per seller. */
  inventoryItems: number;
  /** Access-token lifetime (expires_in) in seconds. */
  accessTokenLifetimeSeconds: number;
  /** Where the RuName sends the browser after consent. Default: the emulator's own /__emulator/accept page. */
  acceptUrl: string | undefined;
  /** Fixed start of the virtual clock (ISO). When set the clock does not move on its own. */
  now: string | undefined;
  faults: FaultConfig;
  quotas: Partial<QuotaLimits>;
  /** Size of the received-requests ring buffer. */
  requestLogSize: number;
  /** Log each request to stdout. */
  logRequests: boolean;
  /**
   * A file that keeps the issued tokens and the dataset's anchor across restarts, as eBay keeps grants (see
   * `state/persisted-state.ts`). Unset: everything lives in memory only.
   */
  stateFile: string | undefined;
  /**
   * New orders per seller and day after the generated history ends, as the virtual clock moves (0: the history
   * stands at its end). See `data/live-activity.ts`.
   */
  liveOrdersPerDay: number;
}

export const DEFAULT_OPTIONS: EmulatorOptions = {
  port: 4010,
  host: '127.0.0.1',
  seed: 42,
  sellers: 3,
  ordersPerSeller: 1000,
  historyDays: 365,
  inventoryItems: 200,
  accessTokenLifetimeSeconds: 7200,
  acceptUrl: undefined,
  now: undefined,
  faults: { latencyMs: 0, jitterMs: 0, endpoints: {}, queue: [] },
  quotas: {},
  requestLogSize: 1000,
  logRequests: false,
  stateFile: undefined,
  liveOrdersPerDay: 0,
};

export type EmulatorOptionsInput = Partial<EmulatorOptions>;

export function resolveOptions(input: EmulatorOptionsInput): EmulatorOptions {
  const merged: EmulatorOptions = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (!Number.isInteger(merged.sellers) || merged.sellers < 1 || merged.sellers > 89) {
    throw new Error('sellers must be an integer between 1 and 89');
  }
  if (!Number.isInteger(merged.ordersPerSeller) || merged.ordersPerSeller < 0 || merged.ordersPerSeller > 100_000_000) {
    throw new Error('ordersPerSeller must be an integer between 0 and 100000000');
  }
  if (!(merged.historyDays >= 1 && merged.historyDays <= 720)) throw new Error('historyDays must be within 1..720');
  if (!Number.isInteger(merged.inventoryItems) || merged.inventoryItems < 1) {
    throw new Error('inventoryItems must be a positive integer');
  }
  if (!(merged.liveOrdersPerDay >= 0 && merged.liveOrdersPerDay <= 10_000)) {
    throw new Error('liveOrdersPerDay must be within 0..10000');
  }
  if (!(merged.accessTokenLifetimeSeconds >= 1)) throw new Error('accessTokenLifetimeSeconds must be >= 1');
  if (merged.now !== undefined && Number.isNaN(Date.parse(merged.now))) throw new Error('now must be an ISO date');
  merged.faults = { ...DEFAULT_OPTIONS.faults, ...merged.faults };
  return merged;
}
