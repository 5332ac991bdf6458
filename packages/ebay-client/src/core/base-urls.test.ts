import { describe, expect, it } from 'vitest';
import { resolveBaseUrls } from './base-urls';

describe('resolveBaseUrls', () => {
  it('knows production and sandbox hosts', () => {
    expect(resolveBaseUrls('production')).toEqual({
      authBaseUrl: 'https://auth.ebay.com',
      apiBaseUrl: 'https://api.ebay.com',
      apizBaseUrl: 'https://apiz.ebay.com',
    });
    expect(resolveBaseUrls('sandbox')).toEqual({
      authBaseUrl: 'https://auth.sandbox.ebay.com',
      apiBaseUrl: 'https://api.sandbox.ebay.com',
      apizBaseUrl: 'https://apiz.sandbox.ebay.com',
    });
  });

  it('applies overrides, strips trailing slashes and ignores empty values', () => {
    const urls = resolveBaseUrls('production', {
      apiBaseUrl: 'http://127.0.0.1:4000/',
      apizBaseUrl: '',
      authBaseUrl: undefined,
    });
    expect(urls).toEqual({
      authBaseUrl: 'https://auth.ebay.com',
      apiBaseUrl: 'http://127.0.0.1:4000',
      apizBaseUrl: 'https://apiz.ebay.com',
    });
  });

  it('rejects non-URLs', () => {
    expect(() => resolveBaseUrls('sandbox', { apiBaseUrl: 'localhost:4000' })).toThrow(TypeError);
  });
});
