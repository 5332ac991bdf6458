// `npm run token-info [-- --environment=production] [-- --limit=5] [-- --json]`: the TokenInfo audit table
// (latest token records: id, account, environment, created/updated/expires, scopes, has_refresh_token). No secrets.
import { ebayEnvironmentSchema } from '@ebay-connector/contract';
import { tokenInfoAudit, formatTokenInfoTable } from '../accounts/token-info';
import { ConfigError, loadConfig } from '../platform/config';
import { createDb, createPool } from '../platform/database';
import { createLogger } from '../platform/logger';
import { databaseForCli } from './database-for-cli';

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: 'warn' });
  const envArg = arg('environment');
  const environment = envArg === undefined ? null : ebayEnvironmentSchema.parse(envArg);
  const limit = Math.min(100, Math.max(1, Number(arg('limit') ?? '10') || 10));
  const database = await databaseForCli(config, logger);
  const db = createDb(createPool(database.url, { ...config.database, poolMax: 1 }, logger));
  try {
    const rows = await tokenInfoAudit(db, environment, limit);
    if (process.argv.includes('--json')) console.log(JSON.stringify({ tokens: rows }, null, 2));
    else console.log(rows.length ? formatTokenInfoTable(rows) : `no token records${environment ? ` for ${environment}` : ''}`);
  } finally {
    await db.destroy();
    await database.release();
  }
}

try {
  await main();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `token-info failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
