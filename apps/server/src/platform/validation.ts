import { z } from 'zod';
import type { ValidationIssue } from '@ebay-connector/contract';
import { AppError } from './errors';

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * The issue's message, or what the client got wrong when a query parameter was sent twice (`?limit=1&limit=2`
 * arrives as an array, which a coerced number reads as NaN: "expected number, received NaN" named no cause).
 */
function messageOf(issue: z.core.$ZodIssue, value: unknown): string {
  const given = valueAt(value, issue.path);
  if (issue.code === 'invalid_type' && issue.expected !== 'array' && Array.isArray(given)) {
    return `expected one value, got ${given.length} (the parameter is repeated)`;
  }
  return issue.message;
}

/** Parses `value` with `schema`; on failure throws a 422 `validation_failed` with every field path in `details`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: messageOf(issue, value),
  }));
  throw new AppError(422, 'validation_failed', 'The request is not valid', details);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path id can name a row keyed by UUID; one that cannot is answered 404 like any unknown id. */
export function isUuid(id: string): boolean {
  return uuidPattern.test(id);
}

/** A yes/no query parameter: `true`/`1` or `false`/`0`; absent is false. */
export const booleanParam = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
