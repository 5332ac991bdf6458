import { describe, expect, it } from 'vitest';
import { TaskGroup } from './task-group';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('TaskGroup', () => {
  it('keeps at most largeInFlight large tasks between fetch and write while small tasks use the other slots', async () => {
    const group = new TaskGroup(8, new AbortController().signal, 3, 2);
    let large = 0;
    let maxLarge = 0;
    let small = 0;
    let maxSmall = 0;
    for (let i = 0; i < 10; i += 1) {
      group.add(
        async () => {
          large += 1;
          maxLarge = Math.max(maxLarge, large);
          await tick();
          return i;
        },
        async () => {
          await tick();
          large -= 1;
        },
        { large: true },
      );
      group.add(async () => {
        small += 1;
        maxSmall = Math.max(maxSmall, small);
        await tick();
        small -= 1;
      });
    }
    await group.wait();
    expect(maxLarge).toBe(2);
    expect(maxSmall).toBeGreaterThanOrEqual(6);
  });

  it('rethrows the first failure and aborts the other tasks', async () => {
    const group = new TaskGroup(2, new AbortController().signal);
    const aborted: boolean[] = [];
    group.add(async (signal) => {
      await new Promise((r) => setTimeout(r, 50));
      aborted.push(signal.aborted);
    });
    group.add(async () => {
      await tick();
      throw new Error('boom');
    });
    await expect(group.wait()).rejects.toThrow('boom');
    expect(aborted).toEqual([true]);
  });
});
