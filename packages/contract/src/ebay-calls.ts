import { z } from 'zod';

/** One eBay HTTP attempt from the call ledger. Bodies are redacted and truncated; only the detail has them. */
export const ebayCallSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  accountId: z.string().nullable(),
  runId: z.string().nullable(),
  /** Our request id (the HTTP request or job that made the call). */
  requestId: z.string().nullable(),
  correlationId: z.string().nullable(),
  /** eBay's id of the call (x-ebay-c-request-id or rlogid, or Trading's CorrelationID): what eBay's support asks for. */
  ebayRequestId: z.string().nullable(),
  api: z.string(),
  operation: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
  attempt: z.number().int(),
  ebayErrorId: z.number().int().nullable(),
  errorKind: z.string().nullable(),
});
export type EbayCall = z.infer<typeof ebayCallSchema>;

export const ebayCallDetailSchema = ebayCallSchema.extend({
  requestBody: z.string().nullable(),
  responseBody: z.string().nullable(),
});
export type EbayCallDetail = z.infer<typeof ebayCallDetailSchema>;

export const ebayCallListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  accountId: z.uuid().optional(),
  /** An exact code (`401`) or a class (`4xx`, `5xx`); `error` = network failures without a status. */
  status: z
    .string()
    .regex(/^([1-5][0-9]{2}|[1-5]xx|error)$/, 'an HTTP status like 401, a class like 5xx, or "error"')
    .optional(),
  /** Matches our request id, the correlation id or eBay's request id. */
  requestId: z.string().max(255).optional(),
  runId: z.uuid().optional(),
});
export type EbayCallListQuery = z.infer<typeof ebayCallListQuerySchema>;

export const ebayCallListResponseSchema = z.object({
  calls: z.array(ebayCallSchema),
  nextCursor: z.string().nullable(),
});
export type EbayCallListResponse = z.infer<typeof ebayCallListResponseSchema>;
export const ebayCallDetailResponseSchema = z.object({ call: ebayCallDetailSchema });
export type EbayCallDetailResponse = z.infer<typeof ebayCallDetailResponseSchema>;

export const ebayEventTypes = [
  'ebay.call',
  'sync.progress',
  'account.status',
  'account.connected',
  'account.refresh_warning',
] as const;
export type EbayEventType = (typeof ebayEventTypes)[number] | (string & {});

/** What `/api/ebay/events` sends as the `data:` of each server-sent event (the SSE `id:` is `id`). */
export const ebayEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  createdAt: z.string(),
  accountId: z.string().nullable(),
  runId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type EbayEvent = z.infer<typeof ebayEventSchema>;
