import { describe, expect, it } from 'vitest';
import { createTokenCipher, keyIdOf } from './token-crypto';

describe('token cipher', () => {
  const secret = 'a'.repeat(40);

  it('round-trips and never contains the plaintext', () => {
    const cipher = createTokenCipher(secret);
    const sealed = cipher.encrypt('v^1.1#i^1#secret-token', 'acc-1:access');
    expect(sealed).not.toContain('secret-token');
    expect(cipher.decrypt(sealed, 'acc-1:access')).toBe('v^1.1#i^1#secret-token');
    expect(keyIdOf(sealed)).toBe(cipher.currentKeyId);
  });

  it('refuses a ciphertext moved to another account or field', () => {
    const cipher = createTokenCipher(secret);
    const sealed = cipher.encrypt('tok', 'acc-1:access');
    expect(() => cipher.decrypt(sealed, 'acc-2:access')).toThrow();
    expect(() => cipher.decrypt(sealed, 'acc-1:refresh')).toThrow();
  });

  it('reads values written under the previous secret after rotation', () => {
    const old = createTokenCipher('old-secret-'.repeat(4));
    const sealed = old.encrypt('tok', 'ctx');
    const rotated = createTokenCipher(secret, 'old-secret-'.repeat(4));
    expect(rotated.decrypt(sealed, 'ctx')).toBe('tok');
    expect(rotated.currentKeyId).not.toBe(keyIdOf(sealed));
    expect(() => createTokenCipher(secret).decrypt(sealed, 'ctx')).toThrow(/unknown key/);
  });
});
