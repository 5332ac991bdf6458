import type { EmulatorOptions } from './options';
import { VirtualClock } from './virtual-clock';
import { DEFAULT_APP, type AppRegistration } from './app-registration';
import { SellerDataset } from '../data/seller-dataset';
import { HISTORY_GENERATOR } from '../data/order-timeline';
import { TokenStore } from '../oauth/token.store';
import { QuotaTracker } from '../quotas/quota.tracker';
import { FaultInjector } from '../faults/fault.injector';
import { RequestLog } from '../control/request.log';
import { createSigningKey, type SigningKey } from '../notification/signing-keys';
import {
  readPersistedState, restoreOverlay, restoreTokens, snapshotOverlay, writePersistedState, type DatasetSignature,
} from './persisted-state';
import { advanceLiveActivity } from '../data/live-activity';

/** All mutable state of one emulator instance; created by startEmulator and passed to every route. */
export interface EmulatorState {
  options: EmulatorOptions;
  clock: VirtualClock;
  app: AppRegistration;
  sellers: SellerDataset[];
  tokens: TokenStore;
  quotas: QuotaTracker;
  faults: FaultInjector;
  requestLog: RequestLog;
  signingKey: SigningKey;
  /** Public origin, known once listening (e.g. http://127.0.0.1:4010). */
  baseUrl: string;
  /** Counter making repeated "modify" calls pick different orders. */
  mutationCounter: number;
  /** Writes the state file (`options.stateFile`) now; a no-op without one. Throws when it cannot. */
  persist: () => void;
  /** `persist`, reporting a failure as a process warning (after a change made while serving a request). */
  save: () => void;
  /** Applies the live activity due by the clock's now (`options.liveOrdersPerDay`), saving when something changed. */
  advance: () => void;
}

export function buildSellers(options: EmulatorOptions, asOf: number): SellerDataset[] {
  return Array.from({ length: options.sellers }, (_, k) =>
    new SellerDataset({
      seed: options.seed,
      number: k + 1,
      orders: options.ordersPerSeller,
      historyDays: options.historyDays,
      inventoryItems: options.inventoryItems,
      asOf,
    }),
  );
}

function datasetSignature(options: EmulatorOptions): DatasetSignature {
  const { seed, ordersPerSeller, historyDays, inventoryItems } = options;
  return { seed, ordersPerSeller, historyDays, inventoryItems, history: HISTORY_GENERATOR };
}

export function createState(options: EmulatorOptions): EmulatorState {
  const clock = new VirtualClock(options.now === undefined ? undefined : Date.parse(options.now));
  const tokens = new TokenStore();
  const file = options.stateFile;
  const kept = file === undefined ? null : readPersistedState(file);
  // A flowing clock anchors the generated history at the first start (kept in the state file); a fixed one at its
  // own start time.
  const anchor = kept && options.now === undefined ? kept.anchor : clock.now();
  const sellers = buildSellers(options, anchor);
  let mutationCounter = 0;
  if (file !== undefined && kept) {
    restoreTokens(tokens, kept, options.sellers, clock.now());
    // The overlay's indices are the anchored history's: a fixed clock regenerates it elsewhere.
    if (kept.overlay && anchor === kept.anchor) {
      mutationCounter = restoreOverlay(file, kept.overlay, datasetSignature(options), sellers);
    }
  }
  const state: EmulatorState = {
    options,
    clock,
    app: { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret, ruName: DEFAULT_APP.ruName, acceptUrl: options.acceptUrl },
    sellers,
    tokens,
    quotas: new QuotaTracker(options.quotas),
    faults: new FaultInjector(options.seed, options.faults),
    requestLog: new RequestLog(options.requestLogSize),
    signingKey: createSigningKey(),
    baseUrl: '',
    mutationCounter,
    persist: () => {
      if (file === undefined) return;
      const overlay = snapshotOverlay(datasetSignature(options), state.sellers, state.mutationCounter);
      writePersistedState(file, anchor, tokens, state.clock.now(), overlay);
    },
    save: () => {
      try {
        state.persist();
      } catch (err) {
        process.emitWarning(`emulator state not saved to ${file ?? ''}: ${(err as Error).message}`);
      }
    },
    advance: () => {
      const perDay = options.liveOrdersPerDay;
      if (perDay <= 0) return;
      const now = state.clock.now();
      let applied = 0;
      for (const ds of state.sellers) applied += advanceLiveActivity(ds, perDay, now);
      if (applied > 0) state.save();
    },
  };
  if (file !== undefined) tokens.onTokensChanged = () => state.save();
  return state;
}

/** Find a seller by 1-based number, username or userId. */
export function findSeller(state: EmulatorState, id: string): SellerDataset | undefined {
  return state.sellers.find((s) => String(s.number) === id || s.profile.username === id || s.profile.userId === id);
}

export function sellerByNumber(state: EmulatorState, n: number | undefined): SellerDataset | undefined {
  return n === undefined ? undefined : state.sellers[n - 1];
}
