import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/platform/logger';

/** A logger that writes nowhere (or into `lines`, parsed, when given). */
export function testLogger(lines?: Record<string, unknown>[]): Logger {
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (lines) for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return createLogger({ level: lines ? 'info' : 'silent', destination });
}
