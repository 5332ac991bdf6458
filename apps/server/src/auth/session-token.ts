import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'ebc_session';

/** 256 random bits, base64url; the client keeps it, we store only its sha256. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
