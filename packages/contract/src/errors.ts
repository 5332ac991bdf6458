import { z } from 'zod';

/** The one error envelope every `/api` response uses on failure. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Every error code the API can answer with; `docs/errors.md` explains each. */
export const errorCodes = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'database_unavailable',
  'account_not_connected',
  'account_not_found',
  'sync_already_running',
  'reauth_required',
  'ebay_unavailable',
  'signature_invalid',
  'bad_gateway',
  'internal_error',
] as const;
/** A code the server answers with (the server only uses these). */
export type KnownErrorCode = (typeof errorCodes)[number];
/** A code as a client reads it: a newer server may answer with one this version does not know. */
export type ErrorCode = KnownErrorCode | (string & {});

/** One entry of `details` for a 422 `validation_failed`. */
export const validationIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;
