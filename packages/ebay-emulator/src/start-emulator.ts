import type { AddressInfo } from 'node:net';
import { buildServer } from './http/server';
import { createState, type EmulatorState } from './state/emulator-state';
import { resolveOptions, type EmulatorOptions, type EmulatorOptionsInput } from './state/options';

export interface RunningEmulator {
  /** Origin serving every eBay host's paths, e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  options: EmulatorOptions;
  /** Live state (clock, datasets, tokens, faults, quotas); prefer the /__emulator control API from other processes. */
  state: EmulatorState;
  close(): Promise<void>;
}

/** Start an emulator in this process. `port: 0` picks a free port. */
export async function startEmulator(input: EmulatorOptionsInput = {}): Promise<RunningEmulator> {
  const options = resolveOptions(input);
  const state = createState(options);
  const app = await buildServer(state);
  await app.listen({ port: options.port, host: options.host });
  const port = (app.server.address() as AddressInfo).port;
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
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
