import type { TokenInfoRow } from '@ebay-connector/contract';
import type { Db } from '../platform/database';
import { latestTokenInfo } from './tokens.repository';

/** The TokenInfo audit: the latest token records with their facts, never a token. */
export async function tokenInfoAudit(db: Db, environment: string | null, limit = 10): Promise<TokenInfoRow[]> {
  const rows = await latestTokenInfo(db, environment, limit);
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    account: `${r.label} (${r.username})`,
    environment: r.environment as TokenInfoRow['environment'],
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    scopes: r.scopes,
    hasRefreshToken: r.has_refresh_token,
  }));
}

/** Plain-text table for the terminal (`npm run token-info`). Scopes are shortened to their last segment. */
export function formatTokenInfoTable(rows: readonly TokenInfoRow[]): string {
  const header = ['id', 'account', 'environment', 'created_at', 'updated_at', 'expires_at', 'scopes', 'has_refresh_token'];
  const lines = rows.map((r) => [
    r.id,
    r.account,
    r.environment,
    r.createdAt,
    r.updatedAt,
    r.expiresAt,
    r.scopes.map((s) => s.split('/').pop() ?? s).join(' '),
    String(r.hasRefreshToken),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(fmt)].join('\n');
}
