// `npm run migrate`: applies pending migrations (MIGRATIONS_URL when set).
// `npm run migrate -- --lock`: records new migration files in migrations/checksums.json (never changes an entry).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { checksumsFile, loadMigrations, migrate } from '../platform/migrations';
import { databaseForCli } from './database-for-cli';

function writeLock(): void {
  const lock = existsSync(checksumsFile) ? (JSON.parse(readFileSync(checksumsFile, 'utf8')) as Record<string, string>) : {};
  for (const m of loadMigrations()) {
    if (lock[m.file] === undefined) {
      lock[m.file] = m.checksum;
      console.log(`locked ${m.file}`);
    } else if (lock[m.file] !== m.checksum) {
      console.error(`${m.file} differs from its locked checksum: landed migrations must not be edited`);
      process.exitCode = 1;
    }
  }
  writeFileSync(checksumsFile, `${JSON.stringify(lock, null, 2)}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--lock')) return writeLock();
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const db = await databaseForCli(config, logger);
  try {
    const applied = await migrate(db.migrationsUrl, logger, { connectTimeoutMs: config.database.connectTimeoutMs });
    console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'nothing to apply: the schema is up to date');
  } finally {
    await db.release();
  }
}

try {
  await main();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `migrate failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
