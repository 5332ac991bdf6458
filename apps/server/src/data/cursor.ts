import { AppError } from '../platform/errors';

/** Opaque keyset cursor: base64url of the sort key values of the last row returned. */
export function encodeCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What each value of a cursor must be, so that a forged cursor is a 422 and never reaches PostgreSQL as a value it
 * cannot read as the column's type: `timestamp` is ISO 8601 (`toISOString`) or PostgreSQL's text of a timestamptz
 * (`2026-06-01 12:00:00.123456+00`), `uuid` a UUID, `text` any string.
 */
export type CursorValue = 'text' | 'uuid' | 'timestamp';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-]\d\d(:?\d\d){0,2})$/;

function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const valid: Record<CursorValue, (value: string) => boolean> = {
  text: () => true,
  uuid: (value) => UUID.test(value),
  timestamp: isTimestamp,
};

function invalidCursor(): AppError {
  return new AppError(422, 'validation_failed', 'The request is not valid', [
    { path: 'cursor', message: 'invalid cursor' },
  ]);
}

/** The values of `cursor`, one per entry of `kinds` and each of its kind; `null` without a cursor; 422 otherwise. */
export function decodeCursor(cursor: string | undefined, kinds: readonly CursorValue[]): string[] | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === kinds.length &&
    parsed.every((v, i) => typeof v === 'string' && valid[kinds[i] as CursorValue](v))
  ) {
    return parsed as string[];
  }
  throw invalidCursor();
}
