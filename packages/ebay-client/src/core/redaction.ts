/**
 * Redaction of tokens, codes and secrets from anything this client hands to hooks (URLs, bodies, headers).
 * Layers, applied together by `redactBody`/`redactUrl`:
 * 1. structural: values of sensitive keys in JSON, form bodies, query strings and XML elements;
 * 2. known secrets: exact strings the transport knows it sent (the token, client secret, Basic credentials...),
 *    raw and URL-encoded;
 * 3. patterns: `Bearer x`, `Basic x` and eBay token shapes (`v^1.1#...`).
 */
export const REDACTED = '[REDACTED]';

const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'access_token',
  'accesstoken',
  'refresh_token',
  'refreshtoken',
  'id_token',
  'token',
  'code',
  'client_secret',
  'clientsecret',
  'client_assertion',
  'assertion',
  'password',
  'secret',
  'x-ebay-api-iaf-token',
  'iaftoken',
  'ebayauthtoken',
  'verificationtoken',
  'verification_token',
  'cookie',
  'set-cookie',
]);

const SENSITIVE_XML_TAGS = ['eBayAuthToken', 'IAFToken', 'Password', 'RefreshToken', 'AccessToken'] as const;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(key.toLowerCase());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TOKEN_PATTERNS: readonly RegExp[] = [
  /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/=^#%]+/gi,
  /v\^1\.1#[^\s"'&<>,]+/g,
  /v%5E1\.1%23[^\s"'&<>,]+/gi,
];

/** Replaces every occurrence of the given secrets (raw and URL-encoded) and of token-shaped strings. */
export function scrubSecrets(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  // Each distinct variant once (the token usually comes twice: as itself and inside the Authorization header),
  // replaced as a plain string: a RegExp compiled from a 2 KB token for every logged call cost more than the call.
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 6) continue;
    const encoded = encodeURIComponent(secret);
    variants.add(secret).add(encoded).add(encoded.replace(/%20/g, '+'));
  }
  for (const variant of variants) if (out.includes(variant)) out = out.replaceAll(variant, REDACTED);
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, scheme: unknown) =>
      typeof scheme === 'string' && /^(bearer|basic)$/i.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED,
    );
  }
  return out;
}

/** Deep copy of a JSON value with sensitive keys' values replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = isSensitiveKey(key) && child !== null && child !== undefined ? REDACTED : redactJson(child);
    }
    return out;
  }
  return value;
}

/** Redacts sensitive parameters of an `a=b&c=d` string (form body or query string). */
export function redactFormBody(text: string): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let key = pair.slice(0, eq);
      try {
        key = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // keep the raw key
      }
      return isSensitiveKey(key) ? `${pair.slice(0, eq)}=${encodeURIComponent(REDACTED)}` : pair;
    })
    .join('&');
}

/** Redacts the text of sensitive XML elements (e.g. `<eBayAuthToken>`), namespace prefixes allowed. */
export function redactXml(text: string): string {
  let out = text;
  for (const tag of SENSITIVE_XML_TAGS) {
    const re = new RegExp(`(<(?:[\\w-]+:)?${tag}(?:\\s[^>]*)?>)([\\s\\S]*?)(</(?:[\\w-]+:)?${tag}>)`, 'gi');
    out = out.replace(re, `$1${REDACTED}$3`);
  }
  return out;
}

/** A URL with sensitive query parameters and userinfo removed; the rest of the query is kept. */
export function redactUrl(url: string, secrets: Iterable<string> = []): string {
  let out = url;
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') {
      parsed.username = '';
      parsed.password = '';
    }
    const query = parsed.search.startsWith('?') ? parsed.search.slice(1) : parsed.search;
    parsed.search = query === '' ? '' : `?${redactFormBody(query)}`;
    out = parsed.toString();
  } catch {
    // not an absolute URL: redact it as text only
  }
  return scrubSecrets(out, secrets);
}

/** Header map with sensitive header values replaced (names compared case-insensitively). */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = isSensitiveKey(name) ? REDACTED : value;
  return out;
}

function looksLikeForm(text: string): boolean {
  return /^[\w.%+-]+=[^&\s]*(&[\w.%+-]+=[^&\s]*)*$/.test(text.trim());
}

/** Redacts a request or response body of any content type this client sends or receives. */
export function redactBody(
  body: string,
  options: { contentType?: string | null; secrets?: Iterable<string> } = {},
): string {
  const contentType = (options.contentType ?? '').toLowerCase();
  let out = body;
  const trimmed = body.trimStart();
  if (contentType.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      out = JSON.stringify(redactJson(JSON.parse(body)));
    } catch {
      out = body;
    }
  } else if (contentType.includes('x-www-form-urlencoded') || looksLikeForm(body)) {
    out = redactFormBody(body.trim());
  } else if (contentType.includes('xml') || trimmed.startsWith('<')) {
    out = redactXml(body);
  }
  return scrubSecrets(out, options.secrets ?? []);
}

const TRUNCATION_MARKER = /\.\.\.\[truncated \d+ bytes\]$/;

/**
 * Cuts `text` to at most `maxBytes` UTF-8 bytes, appending a marker when something was cut. Idempotent: a text this
 * function already cut to `maxBytes` (or less) comes back as it is, with the size of the first cut in its marker.
 */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = Buffer.byteLength(text, 'utf8');
  const marker = bytes > maxBytes ? TRUNCATION_MARKER.exec(text) : null;
  if (marker && bytes - marker[0].length <= maxBytes) return { text, truncated: true };
  return truncateUtf8Of(text, maxBytes, bytes);
}

/** `truncateUtf8` of a prefix of a longer text whose whole size is `totalBytes` (the marker counts from it). */
function truncateUtf8Of(text: string, maxBytes: number, totalBytes: number): { text: string; truncated: boolean } {
  if (totalBytes <= maxBytes) return { text, truncated: false };
  const buf = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes));
  // Drop a trailing partial multi-byte sequence.
  const cut = new TextDecoder('utf-8', { fatal: false }).decode(buf).replace(/\uFFFD$/, '');
  return { text: `${cut}...[truncated ${totalBytes - Buffer.byteLength(cut, 'utf8')} bytes]`, truncated: true };
}

/** How far past the cut a body is still redacted, so a token straddling the cut is never half-kept. */
const REDACTION_MARGIN_CHARS = 16_384;
/** The same margin for a caller that hands over only a body's first bytes (see `totalBytes`). */
export const REDACTION_MARGIN_BYTES = REDACTION_MARGIN_CHARS;

function sensitiveJsonValues(): RegExp {
  const keys = [...SENSITIVE_KEYS].map(escapeRegExp).join('|');
  // "key": "string value" (escapes allowed) or "key": bare value, key compared case-insensitively.
  return new RegExp(`("(?:${keys})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|(?!null\\b)[^,}\\]\\s]+)`, 'gi');
}
const SENSITIVE_JSON_VALUES = sensitiveJsonValues();

/**
 * What a hook may log of a body: redacted, then cut to `maxBytes`. A body that fits is redacted structurally
 * (`redactBody`); a larger one (a 600 KB page of orders) is cut first and only the kept part, plus a margin, is
 * redacted as text: sensitive JSON keys, form fields and XML elements, known secrets and token shapes. The result is
 * the same for every secret that would have been kept, at a cost that no longer grows with the body.
 */
export function redactForLog(
  body: string,
  options: {
    contentType?: string | null;
    secrets?: Iterable<string>;
    maxBytes: number;
    /**
     * When `body` is only the start of the body (at least `maxBytes` plus REDACTION_MARGIN_BYTES of it): the whole
     * body's size in bytes.
     */
    totalBytes?: number;
  },
): string {
  const { maxBytes } = options;
  const prefixOnly = options.totalBytes !== undefined && Buffer.byteLength(body, 'utf8') < options.totalBytes;
  if (!prefixOnly && body.length <= maxBytes) return truncateUtf8(redactBody(body, options), maxBytes).text;
  const totalBytes = prefixOnly ? (options.totalBytes ?? 0) : Buffer.byteLength(body, 'utf8');
  const contentType = (options.contentType ?? '').toLowerCase();
  let head = body.slice(0, maxBytes + REDACTION_MARGIN_CHARS);
  const trimmed = head.trimStart();
  if (contentType.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    head = head.replace(SENSITIVE_JSON_VALUES, (_m, key: string) => `${key}"${REDACTED}"`);
  } else if (contentType.includes('x-www-form-urlencoded') || looksLikeForm(head)) {
    head = redactFormBody(head.trim());
  } else if (contentType.includes('xml') || trimmed.startsWith('<')) {
    head = redactXml(head);
  }
  return truncateUtf8Of(scrubSecrets(head, options.secrets ?? []), maxBytes, totalBytes).text;
}
