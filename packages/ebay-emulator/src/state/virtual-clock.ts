/**
 * The emulator's notion of "now". Flowing mode follows the real clock plus an offset; fixed mode (a --now value)
 * stands still except when moved through the control API.
 */
export class VirtualClock {
  private fixed: number | undefined;
  private offset = 0;

  constructor(fixedStart: number | undefined) {
    this.fixed = fixedStart;
  }

  now(): number {
    return this.fixed ?? Date.now() + this.offset;
  }

  advance(ms: number): number {
    if (this.fixed !== undefined) this.fixed += ms;
    else this.offset += ms;
    return this.now();
  }

  set(ms: number): number {
    if (this.fixed !== undefined) this.fixed = ms;
    else this.offset = ms - Date.now();
    return this.now();
  }

  get mode(): 'fixed' | 'flowing' {
    return this.fixed === undefined ? 'flowing' : 'fixed';
  }
}
