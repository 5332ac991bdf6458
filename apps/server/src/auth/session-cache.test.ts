import { describe, expect, it } from 'vitest';
import type { User } from '@ebay-connector/contract';
import { createSessionCache, type CachedSession } from './session-cache';

const user = (id: string): User => ({
  id,
  email: `${id}@example.test`,
  role: 'viewer',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastLoginAt: null,
});
const session = (id: string, userId: string, expiresAt = 1e12): CachedSession => ({
  user: user(userId),
  sessionId: id,
  expiresAt,
});

function cacheAt(start: number, opts: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = start;
  const cache = createSessionCache({ ttlMs: opts.ttlMs ?? 5000, maxEntries: opts.maxEntries ?? 100, now: () => now });
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('session cache', () => {
  it('remembers a session for the TTL only', () => {
    const { cache, advance } = cacheAt(1000);
    cache.set('h1', session('s1', 'u1'), cache.generation());
    expect(cache.get('h1')?.sessionId).toBe('s1');
    advance(4999);
    expect(cache.get('h1')?.sessionId).toBe('s1');
    advance(1);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('never keeps a session past its own expiry', () => {
    const { cache, advance } = cacheAt(1000);
    cache.set('h1', session('s1', 'u1', 2000), cache.generation());
    advance(999);
    expect(cache.get('h1')).toBeDefined();
    advance(1);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets a session and every session of a user', () => {
    const { cache } = cacheAt(0);
    cache.set('h1', session('s1', 'u1'), cache.generation());
    cache.set('h2', session('s2', 'u1'), cache.generation());
    cache.set('h3', session('s3', 'u2'), cache.generation());
    cache.forgetSession('s1');
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toBeDefined();
    cache.forgetUser('u1');
    expect(cache.get('h2')).toBeUndefined();
    expect(cache.get('h3')).toBeDefined();
  });

  it('does not keep a lookup that started before a forget', () => {
    const { cache } = cacheAt(0);
    const generation = cache.generation();
    cache.forgetUser('u1'); // e.g. the user was disabled while the session query ran
    cache.set('h1', session('s1', 'u1'), generation);
    expect(cache.get('h1')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const { cache } = cacheAt(0, { maxEntries: 2 });
    for (const n of [1, 2, 3]) cache.set(`h${n}`, session(`s${n}`, 'u1'), cache.generation());
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')).toBeDefined();
    expect(cache.get('h3')).toBeDefined();
  });

  it('keeps nothing with a TTL of 0', () => {
    const { cache } = cacheAt(0, { ttlMs: 0 });
    cache.set('h1', session('s1', 'u1'), cache.generation());
    expect(cache.get('h1')).toBeUndefined();
  });
});
