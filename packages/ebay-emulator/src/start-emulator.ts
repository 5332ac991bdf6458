import type { AddressInfo } from 'node:net';
import { buildServer } from './http/server';
import { createState, type EmulatorState } from './state/emulator-state';
import { resolveOptions, type EmulatorOptions, type EmulatorOptionsInput } from './state/options';
import { DEFAULT_APP, type AppRegistration } from './state/app-registration';

export interface RunningEmulator {
  /** Origin serving every eBay host's paths, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  options: EmulatorOptions;
  /** Live state (clock, datasets, tokens, faults, quotas); prefer the /__emulator control API from other processes. */
  state: EmulatorState;
  close(): Promise<void>;
}

/** The URL that reaches an emulator listening on `host`:`port` from this machine (a wildcard bind is reached on loopback). */
export function emulatorUrl(host: string, port: number): string {
  const reach = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}

/**
 * The emulator already listening at `url` (another process's), as its documented app registration, or null when
 * nothing answers there as this emulator does within `timeoutMs`.
 */
export async function findRunningEmulator(url: string, timeoutMs = 2000): Promise<{ acceptUrl: string } | null> {
  try {
    const res = await fetch(`${url}/__emulator/app`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const app = (await res.json()) as Partial<AppRegistration>;
    return app.clientId === DEFAULT_APP.clientId && typeof app.acceptUrl === 'string' ? { acceptUrl: app.acceptUrl } : null;
  } catch {
    return null;
  }
}

/** Start an emulator in this process. `port: 0` picks a free port. */
export async function startEmulator(input: EmulatorOptionsInput = {}): Promise<RunningEmulator> {
  const options = resolveOptions(input);
  const state = createState(options);
  const app = await buildServer(state);
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (err) {
    await app.close();
    throw err;
  }
  // Listening: the state file now belongs to this emulator (it records the history's anchor on a first start).
  state.persist();
  const port = (app.server.address() as AddressInfo).port;
  const url = emulatorUrl(options.host, port);
  state.baseUrl = url;
  return {
    url,
    port,
    options,
    state,
    close: async () => {
      await app.close();
    },
  };
}
