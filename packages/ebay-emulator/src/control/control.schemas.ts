import { z } from 'zod';

const endpointFaults = z.object({
  errorRate: z.number().min(0).max(1).optional(),
  statuses: z.array(z.number().int().min(500).max(599)).optional(),
  resetRate: z.number().min(0).max(1).optional(),
  hangRate: z.number().min(0).max(1).optional(),
  rateLimitRate: z.number().min(0).max(1).optional(),
}).strict();

const queuedFault = z.object({
  kind: z.enum(['error', 'reset', 'hang', 'rate_limit']),
  operation: z.string().optional(),
  status: z.number().int().min(400).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  count: z.number().int().min(1).optional(),
}).strict();

export const faultsBody = z.object({
  latencyMs: z.number().int().min(0).optional(),
  jitterMs: z.number().int().min(0).optional(),
  endpoints: z.record(z.string(), endpointFaults).optional(),
  queue: z.array(queuedFault).optional(),
}).strict();

export const quotasBody = z.record(z.string(), z.number().int().min(0));

export const clockAdvanceBody = z.object({ seconds: z.number() }).strict();
export const clockSetBody = z.object({ now: z.string() }).strict();
export const createOrdersBody = z.object({ count: z.number().int().min(1).max(10_000) }).strict();
export const modifyOrdersBody = z.union([
  z.object({ count: z.number().int().min(1).max(10_000) }).strict(),
  z.object({ orderIds: z.array(z.string()).min(1).max(10_000) }).strict(),
]);
export const addMessagesBody = z.union([
  z.object({ count: z.number().int().min(1).max(1000) }).strict(),
  z.object({ conversationIds: z.array(z.string()).min(1).max(1000) }).strict(),
]);
export const acceptUrlBody = z.object({ url: z.string().url().nullable() }).strict();
export const resetBody = z.object({ tokens: z.boolean().optional() }).strict();
export const deletionBody = z.object({
  endpointUrl: z.string().url(),
  verificationToken: z.string().regex(/^[A-Za-z0-9_-]{32,80}$/, 'verificationToken must be 32-80 characters of [A-Za-z0-9_-]'),
  userId: z.string().optional(),
  username: z.string().optional(),
  tamper: z.boolean().optional(),
  force: z.boolean().optional(),
}).strict();
