import type { z } from 'zod';
import type { ValidationIssue } from '@ebay-connector/contract';
import { AppError } from './errors';

/** Parses `value` with `schema`; on failure throws a 422 `validation_failed` with every field path in `details`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new AppError(422, 'validation_failed', 'The request is not valid', details);
}
