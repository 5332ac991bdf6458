import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; a const enum, which verbatimModuleSyntax cannot import.
const ARGON2ID = 2;

// argon2id with the library defaults (19 MiB, t=2, p=1), the OWASP baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
