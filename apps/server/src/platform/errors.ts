import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, KnownErrorCode } from '@ebay-connector/contract';
import { isDatabaseUnavailable } from './database-errors';

/** An expected failure with its HTTP status and stable `code` (listed in docs/errors.md). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: KnownErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Authentication required') => new AppError(401, 'unauthenticated', message);
/** A 401 that says the user is disabled (`details.reason`): told only to whoever holds their session or password. */
export const accountDisabled = (message: string) => new AppError(401, 'unauthenticated', message, { reason: 'account_disabled' });
export const forbidden = (message = 'You do not have permission to do this') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);

const statusCodes: Record<number, KnownErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

function fromFastifyError(err: FastifyError): AppError | null {
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (err.code === 'FST_ERR_VALIDATION') {
    return new AppError(422, 'validation_failed', 'The request is not valid', [
      { path: '', message: err.message },
    ]);
  }
  const status = err.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, statusCodes[status] ?? 'bad_request', err.message);
  }
  return null;
}

export function errorBody(request: FastifyRequest, err: AppError): ErrorBody {
  const error: ErrorBody['error'] = { code: err.code, message: err.message, requestId: request.id };
  if (err.details !== undefined) error.details = err.details;
  return { error };
}

/** The one error handler: every failure leaves the server in the envelope, unknown ones as a logged 500. */
export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (isDatabaseUnavailable(err)) {
    request.log.warn({ err }, 'database unavailable');
    appError = new AppError(503, 'database_unavailable', 'The database is not reachable; try again shortly');
    reply.header('retry-after', '5');
  } else {
    const mapped = err instanceof Error ? fromFastifyError(err as FastifyError) : null;
    if (mapped) {
      appError = mapped;
    } else {
      request.log.error({ err }, 'unexpected error');
      appError = new AppError(500, 'internal_error', 'Something went wrong on our side');
    }
  }
  if (appError.status < 500) request.log.info({ code: appError.code, status: appError.status }, appError.message);
  for (const [k, v] of Object.entries(appError.headers ?? {})) reply.header(k, v);
  return reply.status(appError.status).type('application/json; charset=utf-8').send(errorBody(request, appError));
}
