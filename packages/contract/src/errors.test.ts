import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes } from './errors';

/** The codes in the first column of the HTTP error table of docs/errors.md (the table before "Sync run error codes"). */
function documentedHttpCodes(): string[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const http = doc.slice(0, doc.indexOf('## Sync run error codes'));
  return [...http.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1] as string);
}

describe('error codes', () => {
  it('docs/errors.md explains every code the API answers with, and no other', () => {
    const documented = documentedHttpCodes();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...errorCodes].sort());
  });
});
