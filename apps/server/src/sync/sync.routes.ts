import type { FastifyInstance } from 'fastify';
import {
  putSyncSchedulesRequestSchema,
  startSyncAllRequestSchema,
  startSyncRequestSchema,
  stopSyncAllRequestSchema,
  syncRunListQuerySchema,
  type StopSyncAllResponse,
  type SyncRunListResponse,
  type SyncStatusResponse,
} from '@ebay-connector/contract';
import { z } from 'zod';
import { AppError, notFound } from '../platform/errors';
import { isUuid, parseOrThrow } from '../platform/validation';
import { isSyncResource, scheduledMode, syncResources, type SyncResource } from './resources';
import type { SyncDb } from './sync-db';
import { lastRuns, listRuns, recordCounts } from './sync-queries.repository';
import { toSyncRun } from './sync-run.mapper';
import { listSchedules, upsertSchedule, ensureDefaultSchedules } from './sync-schedules.repository';
import type { AccountRefusal, SyncService } from './sync.service';

const statusQuery = z.object({ accountId: z.uuid().optional() });

function runActive(activeRunId: string): AppError {
  return new AppError(
    409,
    'sync_already_running',
    'A sync of this resource is already running for this account',
    { activeRunId },
  );
}

/** An id that is not a UUID cannot name a run: 404 like any unknown id (as for accounts). */
function runId(id: string): string {
  if (!isUuid(id)) throw notFound('No sync run with this id');
  return id.toLowerCase();
}

const accountNotFound = () => new AppError(404, 'account_not_found', 'No eBay account with this id');

/** A sync of an account that cannot call eBay now is refused before any run is created. */
function refused(code: AccountRefusal): AppError {
  if (code === 'account_not_found') return accountNotFound();
  if (code === 'account_not_connected') {
    return new AppError(409, 'account_not_connected', 'The eBay account is disconnected; connect it again to sync it');
  }
  return new AppError(409, 'reauth_required', 'eBay no longer accepts this account\'s grant; the seller must connect it again');
}

/** Sync control: start (or plan), stop, list runs, status, schedules. */
export function syncRoutes(deps: { sync: SyncService; db: SyncDb; fullRefreshMs: number }) {
  const { sync, db } = deps;
  return async function register(app: FastifyInstance): Promise<void> {
    app.post('/api/ebay/sync/all', { config: { access: 'operator' } }, async (request, reply) => {
      const body = parseOrThrow(startSyncAllRequestSchema, request.body);
      const runs = await sync.startAll({
        accountId: body.accountId,
        mode: body.mode,
        correlationId: request.id,
        requestedBy: request.auth?.user.id ?? null,
      });
      if (!runs.ok) throw refused(runs.code);
      return reply.status(202).send({ runs: runs.runs });
    });

    app.post('/api/ebay/sync/all/stop', { config: { access: 'operator' } }, async (request) => {
      const body = parseOrThrow(stopSyncAllRequestSchema, request.body);
      const runs = await sync.stopAll(body.accountId);
      if (!runs) throw accountNotFound();
      const response: StopSyncAllResponse = { runs };
      return response;
    });

    app.post<{ Params: { resource: string } }>(
      '/api/ebay/sync/:resource',
      { config: { access: 'operator' } },
      async (request, reply) => {
        const resource = request.params.resource;
        if (!isSyncResource(resource)) {
          throw new AppError(422, 'validation_failed', 'The request is not valid', [
            { path: 'resource', message: `unknown resource; expected one of ${syncResources.join(', ')}` },
          ]);
        }
        const body = parseOrThrow(startSyncRequestSchema, request.body ?? {});
        const input = {
          accountId: body.accountId,
          resource,
          mode: body.mode,
          since: body.since ? new Date(body.since) : null,
          until: body.until ? new Date(body.until) : null,
          correlationId: request.id,
          requestedBy: request.auth?.user.id ?? null,
        };
        if (body.dryRun) {
          const planned = await sync.dryRun(input);
          if (!planned.ok) throw refused(planned.code);
          return planned.plan;
        }
        const result = await sync.start(input);
        if (!result.ok) throw result.code === 'run_active' ? runActive(result.activeRunId) : refused(result.code);
        return reply.status(202).send({ runId: result.runId });
      },
    );

    app.post<{ Params: { id: string } }>(
      '/api/ebay/sync/runs/:id/stop',
      { config: { access: 'operator' } },
      async (request) => {
        const run = await sync.stop(runId(request.params.id));
        if (!run) throw notFound('No sync run with this id');
        return { run };
      },
    );

    app.get('/api/ebay/sync/runs', { config: { access: 'authenticated' } }, async (request) => {
      const q = parseOrThrow(syncRunListQuerySchema, request.query);
      const { rows, nextCursor } = await listRuns(db, q);
      const response: SyncRunListResponse = { runs: rows.map(toSyncRun), nextCursor };
      return response;
    });

    app.get<{ Params: { id: string } }>(
      '/api/ebay/sync/runs/:id',
      { config: { access: 'authenticated' } },
      async (request) => {
        const run = await sync.get(runId(request.params.id));
        if (!run) throw notFound('No sync run with this id');
        return { run };
      },
    );

    app.get('/api/ebay/sync/status', { config: { access: 'authenticated' } }, async (request) => {
      const q = parseOrThrow(statusQuery, request.query);
      let accounts = db.selectFrom('ebay_accounts').select('id').orderBy('created_at');
      if (q.accountId) accounts = accounts.where('id', '=', q.accountId);
      const ids = (await accounts.execute()).map((a) => a.id);
      if (q.accountId && ids.length === 0) throw accountNotFound();
      const [runs, schedules, states] = await Promise.all([
        lastRuns(db, ids),
        ids.length
          ? db.selectFrom('sync_schedules').selectAll().where('account_id', 'in', ids).execute()
          : [],
        ids.length ? db.selectFrom('sync_state').selectAll().where('account_id', 'in', ids).execute() : [],
      ]);
      const counts = new Map<SyncResource, Map<string, number>>(
        await Promise.all(syncResources.map(async (r) => [r, await recordCounts(db, r, ids)] as const)),
      );
      const response: SyncStatusResponse = {
        status: ids.flatMap((accountId) =>
          syncResources.map((resource) => {
            const run = runs.find((x) => x.account_id === accountId && x.resource === resource);
            const schedule = schedules.find((x) => x.account_id === accountId && x.resource === resource);
            const state = states.find((x) => x.account_id === accountId && x.resource === resource);
            return {
              accountId,
              resource,
              lastRun: run ? toSyncRun(run) : null,
              nextRunAt: schedule?.enabled ? schedule.next_run_at.toISOString() : null,
              nextRunMode: schedule?.enabled
                ? scheduledMode(resource, state?.last_full_at ?? null, deps.fullRefreshMs, schedule.next_run_at)
                : null,
              scheduleEnabled: schedule?.enabled ?? null,
              watermark: state?.watermark?.toISOString() ?? null,
              lastSuccessAt: state?.last_success_at?.toISOString() ?? null,
              lastFullAt: state?.last_full_at?.toISOString() ?? null,
              recordCount: counts.get(resource)?.get(accountId) ?? 0,
            };
          }),
        ),
      };
      return response;
    });

    app.get('/api/ebay/sync/schedules', { config: { access: 'authenticated' } }, async (request) => {
      const q = parseOrThrow(statusQuery, request.query);
      await ensureDefaultSchedules(db);
      const rows = await listSchedules(db, q.accountId ?? null);
      return {
        schedules: rows.map((s) => ({
          accountId: s.account_id,
          resource: s.resource,
          intervalMinutes: s.interval_minutes,
          enabled: s.enabled,
          nextRunAt: s.next_run_at.toISOString(),
        })),
      };
    });

    app.put('/api/ebay/sync/schedules', { config: { access: 'operator' } }, async (request) => {
      const body = parseOrThrow(putSyncSchedulesRequestSchema, request.body);
      for (const s of body.schedules) if (!(await sync.accountExists(s.accountId))) throw accountNotFound();
      const saved = [];
      for (const s of body.schedules) {
        const row = await upsertSchedule(db, s);
        saved.push({
          accountId: row.account_id,
          resource: row.resource,
          intervalMinutes: row.interval_minutes,
          enabled: row.enabled,
          nextRunAt: row.next_run_at.toISOString(),
        });
      }
      return { schedules: saved };
    });
  };
}
