import { AppError } from '../platform/errors';

/** Opaque keyset cursor: base64url of the sort key values of the last row returned. */
export function encodeCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): Array<string | number | null> | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity) return parsed as Array<string | number | null>;
  } catch {
    // fall through
  }
  throw new AppError(422, 'validation_failed', 'The request is not valid', [
    { path: 'cursor', message: 'invalid cursor' },
  ]);
}
