import type { EmulatorOptionsInput } from './state/options';

interface FlagSpec {
  flag: string;
  env: string;
  key: keyof EmulatorOptionsInput | 'latency' | 'jitter' | 'errorRate';
  kind: 'int' | 'number' | 'string' | 'bool';
  help: string;
}

export const FLAGS: FlagSpec[] = [
  { flag: '--port', env: 'EMULATOR_PORT', key: 'port', kind: 'int', help: 'TCP port (0 = random), default 4010' },
  { flag: '--host', env: 'EMULATOR_HOST', key: 'host', kind: 'string', help: 'bind address, default 127.0.0.1' },
  { flag: '--seed', env: 'EMULATOR_SEED', key: 'seed', kind: 'int', help: 'dataset and fault seed, default 42' },
  { flag: '--sellers', env: 'EMULATOR_SELLERS', key: 'sellers', kind: 'int', help: 'number of sellers, default 3' },
  { flag: '--orders', env: 'EMULATOR_ORDERS', key: 'ordersPerSeller', kind: 'int', help: 'orders per seller, default 1000' },
  { flag: '--history-days', env: 'EMULATOR_HISTORY_DAYS', key: 'historyDays', kind: 'number', help: 'days of order history, default 365 (max 720)' },
  { flag: '--inventory', env: 'EMULATOR_INVENTORY', key: 'inventoryItems', kind: 'int', help: 'inventory items per seller, default 200' },
  { flag: '--token-lifetime', env: 'EMULATOR_TOKEN_LIFETIME', key: 'accessTokenLifetimeSeconds', kind: 'int', help: 'access token expires_in seconds, default 7200' },
  { flag: '--accept-url', env: 'EMULATOR_ACCEPT_URL', key: 'acceptUrl', kind: 'string', help: "RuName accept URL (consent redirect target), default the emulator's /__emulator/accept" },
  { flag: '--now', env: 'EMULATOR_NOW', key: 'now', kind: 'string', help: 'fixed virtual start time (ISO); default real time, flowing' },
  { flag: '--latency', env: 'EMULATOR_LATENCY_MS', key: 'latency', kind: 'int', help: 'added latency per request in ms, default 0' },
  { flag: '--jitter', env: 'EMULATOR_JITTER_MS', key: 'jitter', kind: 'int', help: 'random extra latency 0..n ms, default 0' },
  { flag: '--error-rate', env: 'EMULATOR_ERROR_RATE', key: 'errorRate', kind: 'number', help: 'share of eBay calls answered 500/502/503, default 0' },
  { flag: '--log-requests', env: 'EMULATOR_LOG_REQUESTS', key: 'logRequests', kind: 'bool', help: 'print each request, default false' },
  { flag: '--live-orders-per-day', env: 'EMULATOR_LIVE_ORDERS_PER_DAY', key: 'liveOrdersPerDay', kind: 'number', help: 'new orders per seller and day after the history ends, default 0' },
  { flag: '--state-file', env: 'EMULATOR_STATE_FILE', key: 'stateFile', kind: 'string', help: 'file keeping issued tokens and the history anchor across restarts, default none' },
];

/** Flags win over environment variables; both win over defaults. */
export function parseCliOptions(argv: readonly string[], env: Record<string, string | undefined>): EmulatorOptionsInput | { help: string } {
  const raw = new Map<string, string>();
  for (const f of FLAGS) {
    const v = env[f.env];
    if (v !== undefined && v !== '') raw.set(f.flag, v);
  }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { help: FLAGS.map((f) => `  ${f.flag.padEnd(22)} ${f.env.padEnd(29)} ${f.help}`).join('\n') };
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const spec = FLAGS.find((f) => f.flag === name);
    if (!spec) throw new Error(`Unknown flag ${arg}`);
    if (spec.kind === 'bool' && inline === undefined) raw.set(spec.flag, 'true');
    else {
      const value = inline ?? argv[i + 1];
      if (value === undefined) throw new Error(`Missing value for ${name}`);
      if (inline === undefined) i += 1;
      raw.set(spec.flag, value);
    }
  }
  const out: Record<string, unknown> = {};
  let latency = 0;
  let jitter = 0;
  let errorRate = 0;
  for (const f of FLAGS) {
    const v = raw.get(f.flag);
    if (v === undefined) continue;
    let parsed: unknown = v;
    if (f.kind === 'int') {
      if (!/^-?\d+$/.test(v)) throw new Error(`${f.flag} / ${f.env} must be an integer`);
      parsed = Number(v);
    } else if (f.kind === 'number') {
      parsed = Number(v);
      if (Number.isNaN(parsed)) throw new Error(`${f.flag} / ${f.env} must be a number`);
    } else if (f.kind === 'bool') parsed = v === 'true' || v === '1';
    if (f.key === 'latency') latency = parsed as number;
    else if (f.key === 'jitter') jitter = parsed as number;
    else if (f.key === 'errorRate') errorRate = parsed as number;
    else out[f.key] = parsed;
  }
  out['faults'] = { latencyMs: latency, jitterMs: jitter, endpoints: errorRate > 0 ? { '*': { errorRate } } : {}, queue: [] };
  return out as EmulatorOptionsInput;
}
