/**
 * Background probes of a drill: the API processes' health (liveness, readiness, an authenticated read) every
 * 500 ms, and the progress of sync runs (to time the recovery after a fault is cleared).
 */
import type pg from 'pg';
import { sleep } from './bench-servers';

export type ProbeKind = 'healthz' | 'healthz/db' | 'api';

export interface Probe {
  at: number;
  api: number;
  kind: ProbeKind;
  /** HTTP status, 0 when nothing answered within 3 s. */
  status: number;
}

export interface HealthMonitor {
  probes: Probe[];
  stop(): void;
}

const PATHS: Record<ProbeKind, string> = {
  healthz: '/healthz',
  'healthz/db': '/healthz/db',
  api: '/api/ebay/accounts',
};

export function startHealthMonitor(apis: readonly string[], token: () => string): HealthMonitor {
  const probes: Probe[] = [];
  let stopped = false;
  const probe = async (api: number, kind: ProbeKind) => {
    const at = Date.now();
    const status = await fetch(`${apis[api]}${PATHS[kind]}`, {
      headers: kind === 'api' ? { authorization: `Bearer ${token()}` } : {},
      signal: AbortSignal.timeout(3000),
    })
      .then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      })
      .catch(() => 0);
    probes.push({ at, api, kind, status });
  };
  void (async () => {
    while (!stopped) {
      const round = apis.flatMap((_, i) =>
        (['healthz', 'healthz/db', 'api'] as const).map((k) => probe(i, k)),
      );
      await Promise.all([...round, sleep(500)]);
    }
  })();
  return {
    probes,
    stop: () => {
      stopped = true;
    },
  };
}

/** Probes of `kind` on `api` in [from, to): how many, and how many answered `status`. */
export function probeCount(
  probes: readonly Probe[],
  f: { api: number; kind: ProbeKind; from: number; to: number; status: number },
): { ok: number; total: number } {
  const window = probes.filter((p) => p.api === f.api && p.kind === f.kind && p.at >= f.from && p.at < f.to);
  return { ok: window.filter((p) => p.status === f.status).length, total: window.length };
}

interface AccountProgress {
  pages: number;
  active: boolean;
}

/**
 * Polls sync runs created since `since`. After `cleared()`, the drill has recovered once every account with an
 * active run has committed a page again (or has no active run left).
 */
export interface ProgressWatcher {
  cleared(): Promise<void>;
  /** ms from `cleared()` to recovery, or null (not yet). */
  recoveryMs(): number | null;
  stop(): void;
}

export function watchProgress(db: pg.Pool, since: Date): ProgressWatcher {
  let last: Map<string, AccountProgress> | null = null;
  let baseline: Map<string, AccountProgress> | null = null;
  let clearedAt: number | null = null;
  let recoveredAt: number | null = null;
  let stopped = false;

  const poll = async (): Promise<Map<string, AccountProgress> | null> => {
    try {
      const res = await db.query<{ account_id: string; pages: string; active: boolean }>(
        `select account_id, sum(pages) as pages, bool_or(status in ('queued', 'running')) as active
         from sync_runs where created_at >= $1 group by account_id`,
        [since],
      );
      last = new Map(res.rows.map((r) => [r.account_id, { pages: Number(r.pages), active: r.active }]));
      return last;
    } catch {
      return null;
    }
  };
  const check = (now: Map<string, AccountProgress>) => {
    if (!baseline || clearedAt === null || recoveredAt !== null) return;
    const base = baseline;
    const done = [...now.entries()].every(([id, p]) => !p.active || p.pages > (base.get(id)?.pages ?? 0));
    if (done) recoveredAt = Date.now();
  };
  void (async () => {
    while (!stopped) {
      const now = await poll();
      if (now) check(now);
      await sleep(250);
    }
  })();
  return {
    async cleared() {
      clearedAt = Date.now();
      baseline = (await poll()) ?? last ?? new Map();
    },
    recoveryMs: () => (recoveredAt !== null && clearedAt !== null ? recoveredAt - clearedAt : null),
    stop: () => {
      stopped = true;
    },
  };
}
