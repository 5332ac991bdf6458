import type { EbayEnvironment } from '@ebay-connector/contract';

/** The `ebay` part of the server configuration (parsed in platform/config.ts). */
export interface EbaySettings {
  readonly environment: EbayEnvironment;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly ruName: string;
  /** Host overrides; for `emulator` they default to the in-process emulator. */
  readonly baseUrls: { readonly authBaseUrl?: string; readonly apiBaseUrl?: string; readonly apizBaseUrl?: string };
  readonly emulatorPort: number;
  /**
   * New orders a day per seller of the demo emulator this process started or found (`EMULATOR_LIVE_ORDERS_PER_DAY`),
   * shown in the UI's demo hint; null for eBay and for an emulator elsewhere (all three base URLs set).
   */
  readonly demoLiveOrdersPerDay: number | null;
  readonly appSecretPrevious: string | null;
  readonly debugEndpoints: boolean;
  readonly deletion: { readonly verificationToken: string | null; readonly endpointUrl: string | null };
  readonly ledger: { readonly bodyMaxBytes: number; readonly retentionDays: number };
  readonly events: { readonly retentionHours: number; readonly heartbeatMs: number };
}
