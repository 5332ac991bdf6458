import { describe, expect, it } from 'vitest';
import {
  hasCallbackParams,
  readCallbackOutcome,
  sameOutcome,
  withoutCallbackParams,
} from './callback-outcome';

const params = (query: string) => new URLSearchParams(query);

describe('OAuth callback outcome', () => {
  it('reads a connection, a failure, or nothing', () => {
    expect(readCallbackOutcome(params('connected=a1&created=1'))).toEqual({
      kind: 'connected',
      accountId: 'a1',
      created: true,
      reconnecting: null,
    });
    expect(readCallbackOutcome(params('reconnecting=a0&connected=a1&created=0'))).toEqual({
      kind: 'connected',
      accountId: 'a1',
      created: false,
      reconnecting: 'a0',
    });
    expect(readCallbackOutcome(params('connected=a1'))).toMatchObject({ created: null });
    expect(readCallbackOutcome(params('error=access_denied&requestId=r1'))).toEqual({
      kind: 'error',
      code: 'access_denied',
      requestId: 'r1',
      reconnecting: null,
    });
    expect(readCallbackOutcome(params('error=&requestId='))).toEqual({
      kind: 'error',
      code: 'oauth_error',
      requestId: null,
      reconnecting: null,
    });
    expect(readCallbackOutcome(params('reconnecting=a0'))).toBeNull();
    expect(readCallbackOutcome(params(''))).toBeNull();
  });

  it('drops only the callback parameters from the URL', () => {
    const after = withoutCallbackParams(params('tab=x&connected=a1&created=1&reconnecting=a0&error=e&requestId=r'));
    expect(after.toString()).toBe('tab=x');
    expect(hasCallbackParams(after)).toBe(false);
    expect(hasCallbackParams(params('requestId=r'))).toBe(true);
  });

  it('compares outcomes by value', () => {
    expect(
      sameOutcome(readCallbackOutcome(params('connected=a1')), readCallbackOutcome(params('connected=a1'))),
    ).toBe(true);
    expect(sameOutcome(readCallbackOutcome(params('connected=a1')), null)).toBe(false);
  });
});
