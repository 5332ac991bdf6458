import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { publicKeyToPem } from '@ebay-connector/ebay-client';

/** Decoded `X-EBAY-SIGNATURE` header. */
export interface EbaySignatureHeader {
  alg: string;
  kid: string;
  signature: string;
  digest: string;
}

/** `hex(sha256(challengeCode + verificationToken + endpointUrl))`, as eBay's endpoint validation expects. */
export function challengeResponse(challengeCode: string, verificationToken: string, endpointUrl: string): string {
  return createHash('sha256').update(challengeCode).update(verificationToken).update(endpointUrl).digest('hex');
}

export function parseSignatureHeader(header: string | undefined): EbaySignatureHeader | null {
  if (!header || header.length > 4096) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    if (!parsed || typeof parsed !== 'object') return null;
    const { alg, kid, signature, digest } = parsed as Record<string, unknown>;
    if (typeof kid !== 'string' || typeof signature !== 'string' || kid === '' || signature === '') return null;
    return { alg: typeof alg === 'string' ? alg : 'ecdsa', kid, signature, digest: typeof digest === 'string' ? digest : 'SHA1' };
  } catch {
    return null;
  }
}

/** eBay returns the PEM without line breaks; the client re-wraps it for Node. */
export function publicKeyFromEbay(key: string): KeyObject {
  return createPublicKey(publicKeyToPem(key));
}

const digests: Record<string, string> = { SHA1: 'sha1', SHA256: 'sha256' };

/** ECDSA verification of `JSON.stringify(body)` with the DER signature from the header. */
export function verifyNotificationSignature(body: unknown, header: EbaySignatureHeader, key: KeyObject): boolean {
  if (header.alg.toLowerCase() !== 'ecdsa') return false;
  const digest = digests[header.digest.toUpperCase()];
  if (!digest) return false;
  try {
    return verify(digest, Buffer.from(JSON.stringify(body), 'utf8'), { key, dsaEncoding: 'der' }, Buffer.from(header.signature, 'base64'));
  } catch {
    return false;
  }
}
