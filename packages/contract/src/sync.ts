import { z } from 'zod';

export const syncResourceValues = [
  'orders',
  'finances',
  'payouts',
  'disputes',
  'messages',
  'inventory',
  'offers',
  'purchases',
] as const;
export const syncResourceSchema = z.enum(syncResourceValues);
export type SyncResourceName = z.infer<typeof syncResourceSchema>;

export const syncModeSchema = z.enum(['full', 'incremental']);
export const syncTriggerSchema = z.enum(['manual', 'schedule']);
export const syncRunStatusSchema = z.enum([
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
]);
export type SyncRunStatus = z.infer<typeof syncRunStatusSchema>;

const isoDate = z.iso.datetime({ offset: true });

/** `POST /api/ebay/sync/{resource}`. `since`/`until` bound a backfill; `dryRun` only plans. */
export const startSyncRequestSchema = z
  .object({
    accountId: z.uuid(),
    mode: syncModeSchema.optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    dryRun: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const now = Date.now() + 60_000;
    if (v.since && Date.parse(v.since) > now)
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'must not be in the future' });
    if (v.until && Date.parse(v.until) > now)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'must not be in the future' });
    if (v.since && v.until && Date.parse(v.since) >= Date.parse(v.until)) {
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'must be before until' });
    }
  });
export type StartSyncRequest = z.infer<typeof startSyncRequestSchema>;

export const startSyncAllRequestSchema = z.object({ accountId: z.uuid(), mode: syncModeSchema.optional() });
export type StartSyncAllRequest = z.infer<typeof startSyncAllRequestSchema>;

export const stopSyncAllRequestSchema = z.object({ accountId: z.uuid() });
export type StopSyncAllRequest = z.infer<typeof stopSyncAllRequestSchema>;

export const startSyncResponseSchema = z.object({ runId: z.string() });
export const startSyncAllResponseSchema = z.object({
  runs: z.array(
    z.object({
      resource: syncResourceSchema,
      runId: z.string().nullable(),
      activeRunId: z.string().nullable(),
    }),
  ),
});

export const syncPlanSchema = z.object({
  dryRun: z.literal(true),
  resource: syncResourceSchema,
  mode: syncModeSchema,
  windows: z.array(z.object({ from: z.string(), to: z.string().nullable(), total: z.number().nullable() })),
  total: z.number().nullable(),
  estimatedCalls: z.number(),
  notes: z.array(z.string()),
});
export type SyncPlanResponse = z.infer<typeof syncPlanSchema>;

export const syncRunSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  resource: syncResourceSchema,
  mode: syncModeSchema,
  trigger: syncTriggerSchema,
  status: syncRunStatusSchema,
  since: z.string().nullable(),
  until: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  cancelRequestedAt: z.string().nullable(),
  counters: z.object({
    calls: z.number(),
    pages: z.number(),
    recordsFetched: z.number(),
    recordsInserted: z.number(),
    recordsUpdated: z.number(),
  }),
  total: z.number().nullable(),
  checkpoint: z.record(z.string(), z.unknown()),
  resumedFrom: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  correlationId: z.string().nullable(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

export const syncRunListQuerySchema = z.object({
  accountId: z.uuid().optional(),
  resource: syncResourceSchema.optional(),
  status: syncRunStatusSchema.optional(),
  mode: syncModeSchema.optional(),
  trigger: syncTriggerSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const syncRunListResponseSchema = z.object({
  runs: z.array(syncRunSchema),
  nextCursor: z.string().nullable(),
});
export type SyncRunListResponse = z.infer<typeof syncRunListResponseSchema>;
/** `POST /api/ebay/sync/all/stop`: the runs that were queued or running, as they are after the stop. */
export const stopSyncAllResponseSchema = z.object({ runs: z.array(syncRunSchema) });
export type StopSyncAllResponse = z.infer<typeof stopSyncAllResponseSchema>;

export const syncStatusEntrySchema = z.object({
  accountId: z.string(),
  resource: syncResourceSchema,
  lastRun: syncRunSchema.nullable(),
  nextRunAt: z.string().nullable(),
  /** What the next scheduled run will be: full for a resource due its daily full refresh. */
  nextRunMode: syncModeSchema.nullable(),
  scheduleEnabled: z.boolean().nullable(),
  watermark: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastFullAt: z.string().nullable(),
  recordCount: z.number(),
});
export const syncStatusResponseSchema = z.object({ status: z.array(syncStatusEntrySchema) });
export type SyncStatusResponse = z.infer<typeof syncStatusResponseSchema>;

export const syncScheduleSchema = z.object({
  accountId: z.string(),
  resource: syncResourceSchema,
  intervalMinutes: z.number().int().min(1).max(10080),
  enabled: z.boolean(),
  nextRunAt: z.string().optional(),
});
export type SyncSchedule = z.infer<typeof syncScheduleSchema>;
export const putSyncSchedulesRequestSchema = z.object({
  schedules: z
    .array(syncScheduleSchema.omit({ nextRunAt: true }).extend({ accountId: z.uuid() }))
    .min(1)
    .max(500),
});
export const syncSchedulesResponseSchema = z.object({ schedules: z.array(syncScheduleSchema) });

/** `sync.progress` event data on the live stream (one per page). */
export const syncProgressEventSchema = z.object({
  runId: z.string(),
  accountId: z.string(),
  resource: syncResourceSchema,
  mode: syncModeSchema,
  counters: z.object({
    calls: z.number(),
    pages: z.number(),
    recordsFetched: z.number(),
    recordsInserted: z.number(),
    recordsUpdated: z.number(),
  }),
  total: z.number().nullable(),
});
