import { z } from 'zod';
import { accountStatusSchema } from './accounts';
import { syncResourceSchema, syncRunStatusSchema } from './sync';

/** `GET /api/dashboard?accountId=&days=`: every account when `accountId` is absent. */
export const dashboardQuerySchema = z.object({
  accountId: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(365).default(30),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** An amount per currency; values are decimal strings (no float rounding). */
export const moneyTotalSchema = z.object({ currency: z.string(), value: z.string() });
export type MoneyTotal = z.infer<typeof moneyTotalSchema>;

export const dashboardDaySchema = z.object({
  /** `YYYY-MM-DD` (UTC). */
  day: z.string(),
  currency: z.string(),
  orders: z.number().int(),
  revenue: z.string(),
});
export type DashboardDay = z.infer<typeof dashboardDaySchema>;

export const dashboardLastSyncSchema = z.object({
  accountId: z.string(),
  resource: syncResourceSchema,
  runId: z.string(),
  status: syncRunStatusSchema,
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
});
export type DashboardLastSync = z.infer<typeof dashboardLastSyncSchema>;

export const dashboardTokenHealthSchema = z.object({
  accountId: z.string(),
  label: z.string(),
  username: z.string(),
  status: accountStatusSchema,
  accessExpiresAt: z.string().nullable(),
  refreshExpiresAt: z.string().nullable(),
  /** Days until the refresh token expires, when that is 30 days or less. */
  refreshWarningDaysLeft: z.number().int().nullable(),
  lastRefreshError: z.string().nullable(),
});
export type DashboardTokenHealth = z.infer<typeof dashboardTokenHealthSchema>;

export const dashboardResponseSchema = z.object({
  accountId: z.string().nullable(),
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  accounts: z.array(z.object({ id: z.string(), label: z.string(), username: z.string() })),
  orders: z.object({
    count: z.number().int(),
    revenue: z.array(moneyTotalSchema),
    perDay: z.array(dashboardDaySchema),
    /** Orders of any date not yet shipped nor cancelled (the orders list's `awaitingShipment=true`). */
    awaitingShipment: z.number().int(),
  }),
  fees: z.array(moneyTotalSchema),
  payouts: z.object({
    total: z.array(moneyTotalSchema),
    count: z.number().int(),
    last: z
      .object({ payoutId: z.string(), date: z.string(), status: z.string().nullable(), amount: moneyTotalSchema.nullable() })
      .nullable(),
  }),
  openDisputes: z.number().int(),
  unreadMessages: z.number().int(),
  lastSyncs: z.array(dashboardLastSyncSchema),
  tokenHealth: z.array(dashboardTokenHealthSchema),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;
