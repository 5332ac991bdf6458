import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeResponse, parseSignatureHeader, publicKeyFromEbay, verifyNotificationSignature } from './deletion-signature';

describe('deletion notification signature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ebayStylePem = (publicKey.export({ type: 'spki', format: 'pem' }) as string).replace(/\n/g, '');
  const body = { metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION' }, notification: { notificationId: 'n1', data: { username: 'bob' } } };
  const header = (payload: unknown) => {
    const signature = sign('sha1', Buffer.from(JSON.stringify(payload)), { key: privateKey, dsaEncoding: 'der' }).toString('base64');
    return Buffer.from(JSON.stringify({ alg: 'ecdsa', kid: 'k1', signature, digest: 'SHA1' })).toString('base64');
  };

  it('accepts a genuine signature with a one-line PEM and refuses a tampered body', () => {
    const parsed = parseSignatureHeader(header(body));
    expect(parsed?.kid).toBe('k1');
    const key = publicKeyFromEbay(ebayStylePem);
    expect(verifyNotificationSignature(body, parsed!, key)).toBe(true);
    const tampered = { ...body, notification: { ...body.notification, data: { username: 'eve' } } };
    expect(verifyNotificationSignature(tampered, parsed!, key)).toBe(false);
  });

  it('rejects malformed headers', () => {
    expect(parseSignatureHeader(undefined)).toBeNull();
    expect(parseSignatureHeader('not base64 json')).toBeNull();
    expect(parseSignatureHeader(Buffer.from('{"kid":""}').toString('base64'))).toBeNull();
  });

  it('computes the challenge response in eBay order', () => {
    expect(challengeResponse('abc', 'token', 'https://x.test/cb')).toMatch(/^[0-9a-f]{64}$/);
    expect(challengeResponse('abc', 'token', 'https://x.test/cb')).not.toBe(challengeResponse('abc', 'https://x.test/cb', 'token'));
  });
});
