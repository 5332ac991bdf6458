import { randomBytes } from 'node:crypto';

export interface AccessTokenRecord {
  kind: 'user' | 'app';
  sellerNumber: number | undefined;
  scopes: string[];
  expiresAt: number;
}

export interface RefreshTokenRecord {
  sellerNumber: number;
  scopes: string[];
  expiresAt: number;
}

export interface AuthCodeRecord {
  sellerNumber: number;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

function opaque(prefix: string, bytes: number): string {
  return `${prefix}${randomBytes(bytes).toString('base64')}`;
}

/** Issued tokens and codes. Times are virtual-clock milliseconds. */
export class TokenStore {
  readonly access = new Map<string, AccessTokenRecord>();
  readonly refresh = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, AuthCodeRecord>();
  /** Called after tokens were issued, revoked, expired or cleared (not codes): see `state/persisted-state.ts`. */
  onTokensChanged: (() => void) | undefined;

  private changed(): void {
    this.onTokensChanged?.();
  }

  issueCode(record: AuthCodeRecord): string {
    const code = opaque('v^1.1#i^1#r^1#f^0#p^3#I^3#t^', 96).replace(/\//g, '_');
    this.codes.set(code, record);
    return code;
  }

  issueAccess(record: AccessTokenRecord): string {
    const token = opaque(record.kind === 'user' ? 'v^1.1#i^1#f^0#p^3#I^3#r^0#t^' : 'v^1.1#i^1#p^1#f^0#r^0#I^3#t^', 600);
    this.access.set(token, record);
    this.changed();
    return token;
  }

  issueRefresh(record: RefreshTokenRecord): string {
    const token = opaque('v^1.1#i^1#I^3#r^1#p^3#f^0#t^', 120);
    this.refresh.set(token, record);
    this.changed();
    return token;
  }

  revokeSeller(sellerNumber: number): { access: number; refresh: number } {
    let access = 0;
    let refresh = 0;
    for (const [k, v] of this.access) if (v.sellerNumber === sellerNumber) { this.access.delete(k); access += 1; }
    for (const [k, v] of this.refresh) if (v.sellerNumber === sellerNumber) { this.refresh.delete(k); refresh += 1; }
    this.changed();
    return { access, refresh };
  }

  expireAllAccess(now: number): number {
    let n = 0;
    for (const v of this.access.values()) {
      if (v.expiresAt > now) { v.expiresAt = now; n += 1; }
    }
    this.changed();
    return n;
  }

  clear(): void {
    this.access.clear();
    this.refresh.clear();
    this.codes.clear();
    this.changed();
  }
}

/** A short, non-secret hint of a token for logs: its last 6 characters. */
export function tokenHint(token: string | undefined): string | undefined {
  return token ? `…${token.slice(-6)}` : undefined;
}
