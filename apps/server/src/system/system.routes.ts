import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { DbHealthResponse, HealthResponse, VersionResponse } from '@ebay-connector/contract';
import type { BuildInfo } from '../platform/build-info';
import type { Db } from '../platform/database';
import { currentVersion } from '../platform/migrations';

export function systemRoutes(deps: { db: Db; buildInfo: BuildInfo; latestMigration: number }) {
  const { db, buildInfo, latestMigration } = deps;
  return async function register(app: FastifyInstance): Promise<void> {
    app.get('/healthz', { config: { access: 'public' }, logLevel: 'warn' }, async () => {
      const body: HealthResponse = { status: 'ok', version: buildInfo.version, commit: buildInfo.commit };
      return body;
    });

    app.get('/healthz/db', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
      const started = performance.now();
      let migration: number | null;
      try {
        await sql`select 1`.execute(db);
        migration = await currentVersion(db);
      } catch (err) {
        const body: DbHealthResponse = {
          status: 'unavailable',
          migration: null,
          latestMigration,
          latencyMs: null,
          reason: `database unreachable (${String((err as { code?: unknown }).code ?? 'no answer')})`,
        };
        return reply.status(503).send(body);
      }
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      if (migration === null || migration < latestMigration) {
        const body: DbHealthResponse = {
          status: 'migrating',
          migration,
          latestMigration,
          latencyMs,
          reason: `schema is at ${migration ?? 'nothing'}, this release needs ${latestMigration}`,
        };
        return reply.status(503).send(body);
      }
      const body: DbHealthResponse = { status: 'ok', migration, latestMigration, latencyMs };
      return body;
    });

    app.get('/api/version', { config: { access: 'public' } }, async () => {
      const body: VersionResponse = { ...buildInfo };
      return body;
    });
  };
}
