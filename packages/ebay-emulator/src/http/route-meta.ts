import type { QuotaApi } from '../quotas/quota-config';
import type { AccessTokenRecord } from '../oauth/token.store';

export type ApiFamily =
  | 'oauth'
  | 'identity'
  | 'fulfillment'
  | 'paymentDispute'
  | 'finances'
  | 'inventory'
  | 'trading'
  | 'message'
  | 'analytics'
  | 'notification';

/** Declared by every eBay route; read by the shared hooks (faults, auth, quota, request log). */
export interface RouteMeta {
  operation: string;
  family: ApiFamily;
  /** 'none' = the handler authenticates itself (OAuth token endpoint, Trading). */
  auth: 'user' | 'app' | 'none';
  /** Any one of these grants access. */
  scopes?: readonly string[];
  quota?: QuotaApi;
}

export interface AuthContext {
  token: string;
  record: AccessTokenRecord;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    meta?: RouteMeta;
  }
  interface FastifyRequest {
    ebayAuth: AuthContext | null;
    emulatorFault: string | undefined;
  }
}
