import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps 1..255 chars of [A-Za-z0-9_=-] and replaces anything else', () => {
    expect(requestIdFrom({ headers: { 'x-request-id': 'Abc_1=-' } })).toBe('Abc_1=-');
    expect(requestIdFrom({ headers: { 'x-request-id': 'x'.repeat(255) } })).toHaveLength(255);
    for (const bad of ['x'.repeat(256), 'a b', 'a/b', '']) {
      expect(requestIdFrom({ headers: { 'x-request-id': bad } })).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom({ headers: {} })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
