import type { Transaction } from 'kysely';
import type { Logger } from '../platform/logger';
import type { CallOptions, SyncEbayApi } from './ebay-port';
import type { SyncMode, SyncResource } from './resources';
import type { SyncDatabase, SyncDb } from './sync-db';
import type { TimeWindow } from './windows';

export interface WriteResult {
  inserted: number;
  updated: number;
}

export interface PageCommit {
  /** Records this page returned from eBay. */
  fetched: number;
  /** eBay calls spent on this page (list call plus any detail calls). */
  calls: number;
  /** Checkpoint keys this page completes (e.g. `w3:400`). */
  done?: string[];
  /** Checkpoint fields to overwrite. */
  set?: Record<string, unknown>;
  /** The progress total once known. */
  total?: number | null;
  write: (trx: Transaction<SyncDatabase>) => Promise<WriteResult>;
}

/** What a syncer gets for one run. Everything eBay-facing is already bound to the run (ledger, abort signal). */
export interface RunContext {
  readonly runId: string;
  readonly accountId: string;
  readonly resource: SyncResource;
  readonly mode: SyncMode;
  readonly since: Date | null;
  readonly until: Date | null;
  readonly api: SyncEbayApi;
  readonly call: CallOptions;
  readonly db: SyncDb;
  readonly log: Logger;
  /** Checkpoint saved by earlier attempts (or the run this one resumes). */
  readonly checkpoint: Readonly<Record<string, unknown>>;
  /** Page keys already committed. */
  readonly done: ReadonlySet<string>;
  readonly watermark: Date | null;
  readonly startedAt: Date;
  readonly fetchConcurrency: number;
  readonly overlapMs: number;
  /** Writes one page and its checkpoint in one transaction, then publishes progress. */
  commit(page: PageCommit): Promise<void>;
  /** Counts calls that wrote nothing (e.g. an empty window) and updates the total. */
  countCalls(calls: number, total?: number | null): Promise<void>;
  /** Throws the abort reason when the run has been stopped. */
  throwIfStopped(): void;
}

export interface RunOutcome {
  /** Newest modification time seen, for the next watermark; null when nothing was read. */
  maxSeen: Date | null;
}

/** Dry-run result: the windows a run would read and the calls it would make, from eBay's totals. */
export interface SyncPlan {
  windows: Array<TimeWindow & { total: number | null }>;
  total: number | null;
  estimatedCalls: number;
  notes: string[];
}

export interface PlanContext {
  readonly accountId: string;
  readonly mode: SyncMode;
  readonly since: Date | null;
  readonly until: Date | null;
  readonly api: SyncEbayApi;
  readonly call: CallOptions;
  readonly watermark: Date | null;
  readonly overlapMs: number;
  readonly db: SyncDb;
}

export interface Syncer {
  readonly resource: SyncResource;
  run(ctx: RunContext): Promise<RunOutcome>;
  plan(ctx: PlanContext): Promise<SyncPlan>;
}

export function maxDate(a: Date | null, b: string | null | undefined): Date | null {
  if (!b) return a;
  const t = Date.parse(b);
  if (Number.isNaN(t)) return a;
  return a === null || t > a.getTime() ? new Date(t) : a;
}
