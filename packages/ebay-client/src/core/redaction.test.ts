import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  REDACTION_MARGIN_BYTES,
  redactBody,
  redactForLog,
  redactFormBody,
  redactHeaders,
  redactJson,
  redactUrl,
  redactXml,
  scrubSecrets,
  truncateUtf8,
} from './redaction';

const TOKEN = 'v^1.1#i^1#p^3#r^1#f^0#I^3#t^H4sIAAAAAAAAAOVZe2wURRhSECRETSTGQ';

describe('redaction', () => {
  it('redacts token endpoint form bodies', () => {
    const body = `grant_type=refresh_token&refresh_token=${encodeURIComponent(TOKEN)}&scope=x`;
    const out = redactFormBody(body);
    expect(out).toContain('grant_type=refresh_token');
    expect(out).toContain('scope=x');
    expect(out).not.toContain(encodeURIComponent(TOKEN));
    const code = redactFormBody('grant_type=authorization_code&code=abc123&redirect_uri=My-RuName');
    expect(code).toBe(`grant_type=authorization_code&code=${encodeURIComponent(REDACTED)}&redirect_uri=My-RuName`);
  });

  it('redacts token JSON at any depth', () => {
    const out = redactJson({
      access_token: 'a',
      refresh_token: 'b',
      expires_in: 7200,
      nested: [{ client_secret: 's', ok: 'fine' }],
    });
    expect(out).toEqual({
      access_token: REDACTED,
      refresh_token: REDACTED,
      expires_in: 7200,
      nested: [{ client_secret: REDACTED, ok: 'fine' }],
    });
  });

  it('redacts XML credentials', () => {
    const xml =
      '<GetMyMessagesRequest><RequesterCredentials><eBayAuthToken>secret-token</eBayAuthToken></RequesterCredentials></GetMyMessagesRequest>';
    expect(redactXml(xml)).toBe(
      `<GetMyMessagesRequest><RequesterCredentials><eBayAuthToken>${REDACTED}</eBayAuthToken></RequesterCredentials></GetMyMessagesRequest>`,
    );
    expect(redactXml('<ns:IAFToken a="1">x</ns:IAFToken>')).toBe(`<ns:IAFToken a="1">${REDACTED}</ns:IAFToken>`);
  });

  it('redacts query secrets but keeps the rest of the URL', () => {
    const url = redactUrl('https://x.test/cb?code=v%5E1.1%23abc&state=s1&limit=5');
    expect(url).toContain('state=s1');
    expect(url).toContain('limit=5');
    expect(url).not.toContain('abc');
  });

  it('redacts headers', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer x', 'X-EBAY-API-IAF-TOKEN': 'y', 'X-EBAY-API-CALL-NAME': 'GetMyMessages' }),
    ).toEqual({ Authorization: REDACTED, 'X-EBAY-API-IAF-TOKEN': REDACTED, 'X-EBAY-API-CALL-NAME': 'GetMyMessages' });
  });

  it('scrubs known secrets and token shapes anywhere', () => {
    expect(scrubSecrets('error for opaque-secret-value here', ['opaque-secret-value'])).toBe(
      `error for ${REDACTED} here`,
    );
    expect(scrubSecrets(`token ${TOKEN} end`)).toBe(`token ${REDACTED} end`);
    expect(scrubSecrets('Authorization: Bearer abc.def')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(scrubSecrets('x', ['short'])).toBe('x');
  });

  it('scrubs every occurrence of a secret, raw and URL-encoded, whatever characters it holds', () => {
    const secret = 'a.b*c+d?(e)[f]$1 g/h=';
    const text = `one ${secret} two ${encodeURIComponent(secret)} three ${encodeURIComponent(secret).replace(/%20/g, '+')} four ${secret}`;
    expect(scrubSecrets(text, [secret, secret])).toBe(
      `one ${REDACTED} two ${REDACTED} three ${REDACTED} four ${REDACTED}`,
    );
    expect(scrubSecrets('a.b*c+d?(e)[f]$1 g/h', [secret])).toBe('a.b*c+d?(e)[f]$1 g/h');
  });

  it('redactBody picks the format from content type or shape', () => {
    expect(redactBody('{"access_token":"t","expires_in":1}', { contentType: 'application/json' })).toBe(
      `{"access_token":"${REDACTED}","expires_in":1}`,
    );
    expect(redactBody('refresh_token=abc&grant_type=refresh_token')).toContain('grant_type=refresh_token');
    expect(redactBody('refresh_token=abcdef&grant_type=refresh_token')).not.toContain('abcdef');
    expect(redactBody('<a><eBayAuthToken>t</eBayAuthToken></a>')).not.toContain('>t<');
    expect(redactBody('plain secret-1234567', { secrets: ['secret-1234567'] })).toBe(`plain ${REDACTED}`);
  });

  it('keeps a text it already cut to the limit as it is, and cuts it again below that', () => {
    const once = truncateUtf8('y'.repeat(300), 100);
    expect(once).toEqual({ text: `${'y'.repeat(100)}...[truncated 200 bytes]`, truncated: true });
    expect(truncateUtf8(once.text, 100)).toEqual(once);
    expect(truncateUtf8(once.text, 50).text).toBe(`${'y'.repeat(50)}...[truncated ${once.text.length - 50} bytes]`);
  });

  it('truncates on UTF-8 byte boundaries', () => {
    expect(truncateUtf8('short', 10)).toEqual({ text: 'short', truncated: false });
    const out = truncateUtf8('ééééé', 5);
    expect(out.truncated).toBe(true);
    expect(out.text.startsWith('éé')).toBe(true);
    expect(out.text).not.toContain('\uFFFD');
    expect(out.text).toContain('[truncated 6 bytes]');
  });

  describe('redactForLog', () => {
    const orders = Array.from({ length: 400 }, (_, i) => ({ orderId: `O-${i}`, title: 'café table ✓', qty: i }));

    it('redacts a body that fits structurally and keeps it whole', () => {
      const body = JSON.stringify({ access_token: TOKEN, expires_in: 7200 });
      const out = redactForLog(body, { maxBytes: 4096 });
      expect(JSON.parse(out)).toEqual({ access_token: REDACTED, expires_in: 7200 });
    });

    it('cuts a large body to maxBytes and reports the bytes left out of the whole body', () => {
      const body = JSON.stringify({ total: 400, orders });
      const out = redactForLog(body, { contentType: 'application/json', maxBytes: 1000 });
      const kept = out.slice(0, out.indexOf('...[truncated '));
      expect(Buffer.byteLength(kept, 'utf8')).toBeLessThanOrEqual(1000);
      expect(body.startsWith(kept)).toBe(true);
      const reported = Number(/\[truncated (\d+) bytes\]$/.exec(out)?.[1]);
      expect(reported).toBe(Buffer.byteLength(body, 'utf8') - Buffer.byteLength(kept, 'utf8'));
    });

    it('redacts sensitive keys, known secrets and token shapes in the kept part of a large body', () => {
      const body = JSON.stringify({
        token: 'plain-secret-value',
        note: `Bearer ${TOKEN}`,
        refresh_token: null,
        other: 'known-secret-123',
        orders,
      });
      const out = redactForLog(body, { maxBytes: 2000, secrets: ['known-secret-123'] });
      expect(out).toContain(`"token":"${REDACTED}"`);
      expect(out).not.toContain('plain-secret-value');
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain('known-secret-123');
      expect(out).toContain('"refresh_token":null');
      expect(out).toContain('"orderId":"O-0"');
    });

    it('never keeps part of a token that straddles the cut', () => {
      const body = JSON.stringify({ filler: 'x'.repeat(980), note: TOKEN, orders });
      const out = redactForLog(body, { maxBytes: 1010 });
      expect(out).not.toContain(TOKEN.slice(0, 12));
    });

    it('gives the same result from the first bytes of a body and its size as from the whole body', () => {
      const big = orders.map((o) => ({ ...o, note: `Bearer ${TOKEN}`, token: 'plain-secret-value' }));
      const bodies = [
        JSON.stringify({ total: 400, orders: big }),
        JSON.stringify({ filler: 'é'.repeat(700), note: TOKEN, orders }),
        JSON.stringify({ small: 'é✓', access_token: TOKEN }),
        `<GetMyMessagesResponse><eBayAuthToken>${TOKEN}</eBayAuthToken>${'<Message>hé</Message>'.repeat(3000)}</GetMyMessagesResponse>`,
      ];
      for (const body of bodies) {
        for (const maxBytes of [100, 1010, 4096, 100_000]) {
          const bytes = Buffer.from(body, 'utf8');
          // What the client hands over for a large body: maxBytes plus the margin, decoded (a character cut at the
          // end decodes to U+FFFD).
          const prefix = new TextDecoder().decode(bytes.subarray(0, maxBytes + REDACTION_MARGIN_BYTES));
          const options = { secrets: ['known-secret-123'], maxBytes };
          expect(redactForLog(prefix, { ...options, totalBytes: bytes.length })).toBe(redactForLog(body, options));
        }
      }
    });

    it('redacts XML elements of a large Trading response', () => {
      const body = `<GetMyMessagesResponse><eBayAuthToken>${TOKEN}</eBayAuthToken>${'<Message>hi</Message>'.repeat(500)}</GetMyMessagesResponse>`;
      const out = redactForLog(body, { contentType: 'text/xml', maxBytes: 500 });
      expect(out).toContain(`<eBayAuthToken>${REDACTED}</eBayAuthToken>`);
      expect(out).toMatch(/\.\.\.\[truncated \d+ bytes\]$/);
    });
  });
});
