import { describe, expect, it } from 'vitest';
import { isTrustedOrigin, isUnsafeMethod } from './csrf';

const own = ['http://localhost:3000'];

describe('isTrustedOrigin', () => {
  it('accepts the own origin from Origin or Referer', () => {
    expect(isTrustedOrigin({ origin: 'http://localhost:3000', referer: undefined, ownOrigins: own, allowedOrigins: [] })).toBe(true);
    expect(isTrustedOrigin({ origin: undefined, referer: 'http://localhost:3000/x?y', ownOrigins: own, allowedOrigins: [] })).toBe(true);
  });
  it('rejects foreign, missing, opaque and malformed origins', () => {
    for (const origin of ['http://evil.test', 'null', 'not a url', 'http://localhost:3001']) {
      expect(isTrustedOrigin({ origin, referer: 'http://localhost:3000/', ownOrigins: own, allowedOrigins: [] })).toBe(false);
    }
    expect(isTrustedOrigin({ origin: undefined, referer: undefined, ownOrigins: own, allowedOrigins: [] })).toBe(false);
  });
  it('accepts ALLOWED_ORIGINS', () => {
    expect(isTrustedOrigin({ origin: 'https://ui.example', referer: undefined, ownOrigins: own, allowedOrigins: ['https://ui.example'] })).toBe(true);
  });
});

describe('isUnsafeMethod', () => {
  it('classifies methods', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].every(isUnsafeMethod)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isUnsafeMethod)).toBe(false);
  });
});
