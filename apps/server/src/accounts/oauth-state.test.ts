import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './oauth-state.service';

describe('safeReturnTo', () => {
  it('keeps same-origin paths', () => {
    expect(safeReturnTo('/accounts?tab=1')).toBe('/accounts?tab=1');
    expect(safeReturnTo('/')).toBe('/');
  });
  it('rejects anything that could leave the origin', () => {
    for (const bad of ['//evil.test/x', 'https://evil.test', '/\\evil.test', 'accounts', '/\u0000x', undefined, '']) {
      expect(safeReturnTo(bad)).toBeNull();
    }
  });
});
