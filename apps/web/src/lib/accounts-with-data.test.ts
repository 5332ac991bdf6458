import { describe, expect, it } from 'vitest';
import { accountsWithData } from './accounts-with-data';

describe('accountsWithData', () => {
  it('leaves out disconnected accounts whose synced data was deleted, and keeps every other one', () => {
    const accounts = [
      { id: 'active', status: 'active', purgedAt: null },
      { id: 'revoked', status: 'revoked', purgedAt: null },
      { id: 'purged', status: 'revoked', purgedAt: '2026-01-31T12:00:00.000Z' },
      { id: 'reauth', status: 'reauth_required', purgedAt: null },
    ] as const;
    expect(accountsWithData(accounts).map((a) => a.id)).toEqual(['active', 'revoked', 'reauth']);
  });
});
