import type { FastifyInstance } from 'fastify';
import type { EbayClient } from '@ebay-connector/ebay-client';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import { createEventBus, type EventBus } from '../ebay-calls/event-bus';
import { registerEbayCallsData } from '../ebay-calls/ebay-calls.data';
import { eventsRoutes } from '../ebay-calls/events.routes';
import { createLedgerRecorder, type CallContext, type LedgerRecorder } from '../ebay-calls/ledger.recorder';
import { assignCallsToAccount } from '../ebay-calls/ledger.repository';
import { ledgerRoutes } from '../ebay-calls/ledger.routes';
import { pruneEbayCallData, startRetentionTimer } from '../ebay-calls/retention';
import { createAccountDataRegistry, type AccountDataRegistry } from './account-data.registry';
import { registerAccountsData } from './accounts.data';
import { accountsRoutes } from './accounts.routes';
import { createAccountsService } from './accounts.service';
import { createDeletionService } from './deletion.service';
import { DELETION_PATH, deletionRoutes } from './deletion.routes';
import { clientForAccount, connectGateway, createAppClient, publicKeyFetcherFor, refreshGrantFor } from './ebay-clients';
import type { EbaySettings } from './ebay-settings';
import { CALLBACK_PATH, oauthRoutes } from './oauth.routes';
import { createOauthService } from './oauth.service';
import { createTokenCipher } from './token-crypto';
import { tokenInfoRoutes } from './token-info.routes';
import { createTokenManager, TokenUnavailableError, type TokenManager } from './token-refresh.service';
import { createTokenVault } from './token-vault';
import type { PgListener } from '../platform/pg-listener';

type RoutePlugin = (app: FastifyInstance) => Promise<void>;

/** What later features (sync engine, data APIs) get from the eBay accounts and call-ledger features. */
export interface EbayModule {
  events: EventBus;
  ledger: LedgerRecorder;
  registry: AccountDataRegistry;
  tokens: TokenManager;
  /** App-level client (keyset, hosts, ledger hook); no user token. */
  client: EbayClient;
  /** A client acting as this account, tagged with `context` in the ledger. */
  getClientForAccount(accountId: string, context?: Omit<CallContext, 'accountId'>): EbayClient;
  routes: RoutePlugin[];
  /** Worker-role background work (retention); returns the stop function. */
  startBackground(): () => void;
  prune(): ReturnType<typeof pruneEbayCallData>;
  close(): Promise<void>;
}

export interface EbayModuleDeps {
  settings: EbaySettings;
  db: Db;
  logger: Logger;
  appSecret: string;
  /** For the event bus's LISTEN connection (when no `listener` is given). */
  databaseUrl: string;
  /** The process's LISTEN connection, shared with other features. */
  listener?: PgListener;
  /** Origin the browser and eBay use to reach this server (callback and deletion endpoint URLs). */
  publicUrl: string;
  /** Effective eBay hosts (the composition root fills them in for the in-process emulator). */
  baseUrls?: EbaySettings['baseUrls'];
}

export { TokenUnavailableError, CALLBACK_PATH, DELETION_PATH };

export function createEbayModule(deps: EbayModuleDeps): EbayModule {
  const { settings, db, logger } = deps;
  const events = createEventBus({
    db,
    connectionString: deps.databaseUrl,
    logger,
    ...(deps.listener ? { listener: deps.listener } : {}),
  });
  const registry = createAccountDataRegistry();
  registerAccountsData(registry);
  registerEbayCallsData(registry);
  const ledger = createLedgerRecorder({ db, events, logger, bodyMaxBytes: settings.ledger.bodyMaxBytes });
  const client = createAppClient(settings, ledger, deps.baseUrls ?? settings.baseUrls);
  const vault = createTokenVault(createTokenCipher(deps.appSecret, settings.appSecretPrevious ?? undefined));
  const tokens = createTokenManager({
    db,
    vault,
    events,
    logger,
    refreshGrant: refreshGrantFor(client, ledger),
    isInvalidGrant: (err) => (err as { oauthError?: unknown } | null)?.oauthError === 'invalid_grant',
  });
  const accounts = createAccountsService({ db, events, tokens, registry });
  const oauth = createOauthService({
    db,
    environment: settings.environment,
    gateway: connectGateway(client, ledger),
    vault,
    events,
    onConnected: async (requestId, accountId) => {
      await ledger.flush();
      await assignCallsToAccount(db, requestId, accountId);
    },
  });
  const deletion = createDeletionService({ db, registry, logger, fetchPublicKey: publicKeyFetcherFor(client) });
  const retention = { ledgerRetentionDays: settings.ledger.retentionDays, eventRetentionHours: settings.events.retentionHours };

  const routes: RoutePlugin[] = [
    oauthRoutes({ oauth }),
    accountsRoutes({ accounts, environment: settings.environment, demoLiveOrdersPerDay: settings.demoLiveOrdersPerDay }),
    deletionRoutes({
      deletion,
      config: {
        verificationToken: settings.deletion.verificationToken,
        endpointUrl: settings.deletion.endpointUrl ?? `${deps.publicUrl}${DELETION_PATH}`,
      },
    }),
    ledgerRoutes({ db }),
    eventsRoutes({ events, heartbeatMs: settings.events.heartbeatMs }),
  ];
  if (settings.debugEndpoints) routes.push(tokenInfoRoutes({ db }));

  return {
    events,
    ledger,
    registry,
    tokens,
    client,
    getClientForAccount: (accountId, context) => clientForAccount(client, { tokens, ledger }, accountId, context),
    routes,
    startBackground: () =>
      startRetentionTimer({ db, logger, settings: retention, intervalMs: 60 * 60 * 1000 }),
    prune: () => pruneEbayCallData(db, retention),
    async close() {
      await ledger.flush();
      await events.close();
    },
  };
}
