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
  it('runs a follow stage between fetch and write, its calls within the fetch slots, without deadlock', async () => {
    const group = new TaskGroup(2, new AbortController().signal, 1);
    let inFlight = 0;
    let maxInFlight = 0;
    const slot = async <T>(value: T) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick();
      inFlight -= 1;
      return value;
    };
    const written: Array<[number, number[]]> = [];
    for (let i = 0; i < 6; i += 1) {
      group.add(
        () => slot(i),
        async (v: [number, number[]]) => {
          written.push(v);
        },
        {
          large: true,
          follow: async (page: number, call): Promise<[number, number[]]> => [
            page,
            await Promise.all([1, 2, 3].map((k) => call(() => slot(page * 10 + k)))),
          ],
        },
      );
    }
    await group.wait();
    expect(maxInFlight).toBe(2);
    expect(written.sort((a, b) => a[0] - b[0])).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => [i, [i * 10 + 1, i * 10 + 2, i * 10 + 3]]),
    );
  });
});
