import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM encryption of eBay tokens at rest. The key is derived from APP_SECRET with HKDF-SHA256;
 * the key id (a short fingerprint of the derived key) is stored beside the ciphertext so rows written
 * under APP_SECRET_PREVIOUS can still be read and are re-encrypted on the next write.
 * Format: `<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>`; the associated data binds a ciphertext
 * to its account and field so two ciphertexts cannot be swapped between rows.
 */
export interface TokenCipher {
  readonly currentKeyId: string;
  encrypt(plaintext: string, context: string): string;
  decrypt(sealed: string, context: string): string;
}

interface DerivedKey {
  id: string;
  key: Buffer;
}

const HKDF_INFO = 'ebay-connector/token-encryption/v1';

export function deriveTokenKey(secret: string): DerivedKey {
  const key = Buffer.from(hkdfSync('sha256', secret, 'ebay-connector', HKDF_INFO, 32));
  const id = createHash('sha256').update(key).update('key-id').digest('hex').slice(0, 12);
  return { id, key };
}

export function createTokenCipher(secret: string, previousSecret?: string): TokenCipher {
  const current = deriveTokenKey(secret);
  const keys = new Map<string, Buffer>([[current.id, current.key]]);
  if (previousSecret) {
    const previous = deriveTokenKey(previousSecret);
    if (!keys.has(previous.id)) keys.set(previous.id, previous.key);
  }
  return {
    currentKeyId: current.id,
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [current.id, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt(sealed, context) {
      const [keyId, iv, tag, ct] = sealed.split('.');
      const key = keyId ? keys.get(keyId) : undefined;
      if (!key || iv === undefined || tag === undefined || ct === undefined) {
        throw new Error(`token ciphertext uses an unknown key (${keyId ?? 'none'})`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Key id a sealed value was written with (to decide whether it needs re-encryption). */
export function keyIdOf(sealed: string): string {
  return sealed.split('.', 1)[0] ?? '';
}
