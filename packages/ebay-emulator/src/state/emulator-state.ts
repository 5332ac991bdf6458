import type { EmulatorOptions } from './options';
import { VirtualClock } from './virtual-clock';
import { DEFAULT_APP, type AppRegistration } from './app-registration';
import { SellerDataset } from '../data/seller-dataset';
import { TokenStore } from '../oauth/token.store';
import { QuotaTracker } from '../quotas/quota.tracker';
import { FaultInjector } from '../faults/fault.injector';
import { RequestLog } from '../control/request.log';
import { createSigningKey, type SigningKey } from '../notification/signing-keys';
import { readPersistedState, restoreTokens, writePersistedState } from './persisted-state';

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
  /** Writes the state file (`options.stateFile`) now; a no-op without one. */
  persist: () => void;
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

export function createState(options: EmulatorOptions): EmulatorState {
  const clock = new VirtualClock(options.now === undefined ? undefined : Date.parse(options.now));
  const tokens = new TokenStore();
  // A flowing clock anchors the generated history at the first start (kept in the state file); a fixed one at its
  // own start time.
  let anchor = clock.now();
  const file = options.stateFile;
  let persist = () => {};
  if (file !== undefined) {
    const kept = readPersistedState(file);
    if (kept) {
      if (options.now === undefined) anchor = kept.anchor;
      restoreTokens(tokens, kept, options.sellers, clock.now());
    }
    persist = () => writePersistedState(file, anchor, tokens, clock.now());
    tokens.onTokensChanged = () => {
      try {
        persist();
      } catch (err) {
        process.emitWarning(`emulator state not saved to ${file}: ${(err as Error).message}`);
      }
    };
  }
  return {
    options,
    clock,
    app: { clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret, ruName: DEFAULT_APP.ruName, acceptUrl: options.acceptUrl },
    sellers: buildSellers(options, anchor),
    tokens,
    quotas: new QuotaTracker(options.quotas),
    faults: new FaultInjector(options.seed, options.faults),
    requestLog: new RequestLog(options.requestLogSize),
    signingKey: createSigningKey(),
    baseUrl: '',
    mutationCounter: 0,
    persist,
  };
}

/** Find a seller by 1-based number, username or userId. */
export function findSeller(state: EmulatorState, id: string): SellerDataset | undefined {
  return state.sellers.find((s) => String(s.number) === id || s.profile.username === id || s.profile.userId === id);
}

export function sellerByNumber(state: EmulatorState, n: number | undefined): SellerDataset | undefined {
  return n === undefined ? undefined : state.sellers[n - 1];
}
