import { z } from 'zod';
import { syncResourceSchema } from './sync';

/** `GET /api/admin/system` (admin): runtime facts an operator needs; never a secret. */
export const adminSystemResponseSchema = z.object({
  checkedAt: z.string(),
  database: z.object({
    status: z.enum(['ok', 'migrating', 'unavailable']),
    latencyMs: z.number().nullable(),
    migration: z.number().int().nullable(),
    latestMigration: z.number().int(),
    serverVersion: z.string().nullable(),
  }),
  queue: z.object({
    /** `false` when the pg-boss schema does not exist (queue never started). */
    available: z.boolean(),
    schema: z.string(),
    byState: z.record(z.string(), z.number().int()),
    byQueue: z.array(z.object({ name: z.string(), state: z.string(), count: z.number().int() })),
    reason: z.string().nullable(),
  }),
  workers: z.object({
    /** Worker ids seen on runs in the last 24 hours, with their latest heartbeat. */
    seen: z.array(
      z.object({ workerId: z.string(), lastHeartbeatAt: z.string().nullable(), activeRuns: z.number().int() }),
    ),
    activeRuns: z.array(
      z.object({
        runId: z.string(),
        accountId: z.string(),
        resource: syncResourceSchema,
        status: z.enum(['queued', 'running']),
        workerId: z.string().nullable(),
        startedAt: z.string().nullable(),
        heartbeatAt: z.string().nullable(),
        heartbeatAgeSeconds: z.number().nullable(),
        stale: z.boolean(),
      }),
    ),
    heartbeatStaleSeconds: z.number(),
  }),
  runsLast24h: z.record(z.string(), z.number().int()),
  settings: z.array(z.object({ name: z.string(), value: z.string(), description: z.string() })),
  features: z.array(z.object({ name: z.string(), enabled: z.boolean(), description: z.string() })),
});
export type AdminSystemResponse = z.infer<typeof adminSystemResponseSchema>;
