export type EbayEnvironment = 'production' | 'sandbox';

/** The three eBay hosts a connector talks to. No trailing slash. */
export interface EbayBaseUrls {
  /** Consent page host (`/oauth2/authorize`). */
  readonly authBaseUrl: string;
  /** Most REST APIs, the token endpoint and the Trading API. */
  readonly apiBaseUrl: string;
  /** Identity, Finances and payment disputes. */
  readonly apizBaseUrl: string;
}

export type EbayBaseUrlOverrides = {
  readonly [K in keyof EbayBaseUrls]?: string | undefined;
};

export type EbayHost = 'auth' | 'api' | 'apiz';

const ENVIRONMENTS: Record<EbayEnvironment, EbayBaseUrls> = {
  production: {
    authBaseUrl: 'https://auth.ebay.com',
    apiBaseUrl: 'https://api.ebay.com',
    apizBaseUrl: 'https://apiz.ebay.com',
  },
  sandbox: {
    authBaseUrl: 'https://auth.sandbox.ebay.com',
    apiBaseUrl: 'https://api.sandbox.ebay.com',
    apizBaseUrl: 'https://apiz.sandbox.ebay.com',
  },
};

function normalise(url: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`${name} is not an absolute URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`${name} must be http(s): ${url}`);
  }
  return url.replace(/\/+$/, '');
}

/**
 * Base URLs for an environment, with optional per-host overrides (empty or undefined overrides are ignored).
 * Overrides let the emulator, a proxy or a test server stand in for eBay.
 */
export function resolveBaseUrls(
  environment: EbayEnvironment = 'production',
  overrides: EbayBaseUrlOverrides = {},
): EbayBaseUrls {
  const base = ENVIRONMENTS[environment];
  if (base === undefined) throw new TypeError(`unknown eBay environment: ${String(environment)}`);
  const pick = (key: keyof EbayBaseUrls): string => {
    const value = overrides[key];
    return value === undefined || value.trim() === '' ? base[key] : normalise(value.trim(), key);
  };
  return {
    authBaseUrl: pick('authBaseUrl'),
    apiBaseUrl: pick('apiBaseUrl'),
    apizBaseUrl: pick('apizBaseUrl'),
  };
}

export function baseUrlFor(urls: EbayBaseUrls, host: EbayHost): string {
  switch (host) {
    case 'auth':
      return urls.authBaseUrl;
    case 'api':
      return urls.apiBaseUrl;
    case 'apiz':
      return urls.apizBaseUrl;
  }
}
