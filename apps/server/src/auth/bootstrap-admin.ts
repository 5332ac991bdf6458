import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../platform/config';
import type { Db } from '../platform/database';
import type { Logger } from '../platform/logger';
import { MIGRATION_LOCK_KEY } from '../platform/migrations';
import { hashPassword } from './password';
import { countUsers, insertUser } from './users.repository';

export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

export interface BootstrapResult {
  email: string;
  /** Set only when the password was generated (and printed). */
  generatedPassword: string | null;
}

export function formatCredentialsBox(email: string, password: string): string {
  const lines = [
    'FIRST ADMIN ACCOUNT CREATED',
    '',
    `  email:    ${email}`,
    `  password: ${password}`,
    '',
    'This password is shown only once. Sign in and change it,',
    'or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = '#'.repeat(width + 4);
  return ['', bar, ...lines.map((l) => `# ${l.padEnd(width)} #`), bar, ''].join('\n');
}

/**
 * With no users yet, creates the first admin: ADMIN_EMAIL/ADMIN_PASSWORD when set, else `admin@localhost` with a
 * random password printed once. Serialised with migrations by the same advisory lock, so concurrent starts
 * create exactly one admin. Returns `null` when users already existed.
 */
export async function bootstrapAdmin(
  db: Db,
  config: Config,
  logger: Logger,
  print: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
): Promise<BootstrapResult | null> {
  const email = config.auth.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = config.auth.adminPassword ? null : randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(config.auth.adminPassword ?? generatedPassword ?? '');
  const created = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    if ((await countUsers(trx)) > 0) return false;
    return (await insertUser(trx, { email, passwordHash, role: 'admin' })) !== undefined;
  });
  if (!created) return null;
  if (generatedPassword) {
    print(formatCredentialsBox(email, generatedPassword));
    logger.warn({ email }, 'created the first admin with a generated password, printed once on stdout above');
  } else {
    logger.info({ email }, 'created the first admin from ADMIN_EMAIL / ADMIN_PASSWORD');
  }
  return { email, generatedPassword };
}
