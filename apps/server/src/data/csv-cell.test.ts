import { describe, expect, it } from 'vitest';
import { csvCell } from './list-engine';

describe('csvCell', () => {
  it('makes text that a spreadsheet would run as a formula read as text', () => {
    for (const v of ['=HYPERLINK("http://x","y")', '+1+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=1'])
      expect(csvCell(v)).toBe(`'${v}`);
  });

  it('leaves numbers, negative amounts included, and ordinary text as they are', () => {
    for (const v of ['-12.50', '12.50', '+3', '-7', 'Hello = world', 'a-b', '', '11-16049-46257', '2026-11-29T15:00:00.000Z'])
      expect(csvCell(v)).toBe(v);
  });
});
