import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/platform/embedded-postgres';
import { migrate } from '../src/platform/migrations';
import { freePort } from './helpers/ports';
import { testLogger } from './helpers/silent-logger';

export interface TestPostgres {
  /** Server-level URL (any database) used to create and drop test databases. */
  adminUrl: string;
  /** Migrated database every test database is cloned from. */
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testPostgres: TestPostgres;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Starts ONE embedded PostgreSQL (or uses DATABASE_URL) and migrates a template database once. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = testLogger();
  let embedded: EmbeddedPostgres | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(join(tmpdir(), 'ebc-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), logger, database: 'postgres', unsafeFast: true });
    adminUrl = embedded.url('postgres');
  }
  const template = `ebc_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${template}" with (force)`);
  await admin.query(`create database "${template}"`);
  await migrate(withDatabase(adminUrl, template), logger);
  project.provide('testPostgres', { adminUrl, template });

  return async () => {
    await admin.query(`drop database if exists "${template}" with (force)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
