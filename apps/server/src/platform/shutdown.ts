import type { Logger } from './logger';

/** Closers run in reverse order of registration (server, then pool, then the embedded database). */
export function createShutdown(logger: Logger) {
  const closers: { name: string; close: () => Promise<unknown> }[] = [];
  let running: Promise<void> | null = null;
  return {
    add(name: string, close: () => Promise<unknown>): void {
      closers.push({ name, close });
    },
    get requested(): boolean {
      return running !== null;
    },
    run(): Promise<void> {
      running ??= (async () => {
        for (const { name, close } of closers.reverse()) {
          try {
            await close();
            logger.info({ component: name }, 'closed');
          } catch (err) {
            logger.error({ err, component: name }, 'error while closing');
          }
        }
      })();
      return running;
    },
  };
}
