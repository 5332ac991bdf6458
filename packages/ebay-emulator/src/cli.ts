import { parseCliOptions } from './cli-args';
import { startEmulator } from './start-emulator';
import { DEFAULT_APP } from './state/app-registration';

async function main(): Promise<void> {
  const parsed = parseCliOptions(process.argv.slice(2), process.env);
  if ('help' in parsed) {
    console.log(`Usage: npm run emulator -- [flags]\n\n${parsed.help}`);
    return;
  }
  const emulator = await startEmulator(parsed);
  const o = emulator.options;
  console.log(`eBay emulator listening on ${emulator.url}`);
  console.log(`  seed ${o.seed}, ${o.sellers} sellers x ${o.ordersPerSeller} orders, clock ${emulator.state.clock.mode} at ${new Date(emulator.state.clock.now()).toISOString()}`);
  console.log(`  client_id ${DEFAULT_APP.clientId}`);
  console.log(`  RuName    ${DEFAULT_APP.ruName} -> ${o.acceptUrl ?? `${emulator.url}/__emulator/accept`}`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
