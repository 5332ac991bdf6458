import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** PEM body (base64 of SPKI DER) without line breaks, as eBay serves it. */
  publicKeyBase64: string;
}

/** A P-256 key pair created when the emulator starts; eBay signs notifications with ECDSA over SHA-1. */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { kid: randomUUID(), privateKey, publicKeyBase64: der.toString('base64') };
}
