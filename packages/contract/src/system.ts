import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  commit: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const dbHealthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable', 'migrating']),
  migration: z.number().int().nullable(),
  latestMigration: z.number().int(),
  latencyMs: z.number().nullable(),
  reason: z.string().optional(),
});
export type DbHealthResponse = z.infer<typeof dbHealthResponseSchema>;

export const versionResponseSchema = z.object({
  version: z.string(),
  commit: z.string(),
  builtAt: z.string(),
});
export type VersionResponse = z.infer<typeof versionResponseSchema>;
