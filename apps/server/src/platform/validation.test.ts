import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { parseOrThrow } from './validation';

function issuesOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.details;
  }
  throw new Error('expected a validation error');
}

describe('parseOrThrow', () => {
  const query = z.object({ limit: z.coerce.number().int().max(200), sort: z.enum(['a', 'b']).optional() });

  it('names a repeated query parameter instead of "received NaN"', () => {
    expect(issuesOf(() => parseOrThrow(query, { limit: ['1', '2'] }))).toEqual([
      { path: 'limit', message: 'expected one value, got 2 (the parameter is repeated)' },
    ]);
  });

  it('keeps the schema message otherwise, with the field path', () => {
    const details = issuesOf(() => parseOrThrow(query, { limit: '500', sort: 'c' })) as Array<{ path: string }>;
    expect(details.map((d) => d.path)).toEqual(['limit', 'sort']);
    expect(parseOrThrow(query, { limit: '5' })).toEqual({ limit: 5 });
  });
});
