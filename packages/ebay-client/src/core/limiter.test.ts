import { describe, expect, it } from 'vitest';
import { isAbortError } from './errors';
import { createLimiter } from './limiter';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createLimiter', () => {
  it('never runs more than maxConcurrency tasks', async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      running -= 1;
    };
    await Promise.all(Array.from({ length: 7 }, () => limiter.run(task)));
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
    expect(limiter.pending).toBe(0);
  });

  it('releases the slot when a task throws', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve(42))).resolves.toBe(42);
  });

  it('drops a waiting task when its signal aborts', async () => {
    const limiter = createLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const waiting = limiter.run(() => Promise.resolve('never'), controller.signal);
    expect(limiter.pending).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toSatisfy(isAbortError);
    expect(limiter.pending).toBe(0);
    release();
    await first;
    expect(limiter.active).toBe(0);
  });

  it('validates its size', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});
