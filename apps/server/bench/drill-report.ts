/** The drill report: a console table, the notes and problems of each drill, a verdict; and the same as markdown. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DrillResult } from './drill-context';

const COLUMNS = ['drill', 'fault', 'recovery s', 'runs', 'truth', 'statuses', 'api', 'result'] as const;

export function verdictOf(results: readonly DrillResult[]): { pass: boolean; line: string } {
  const ran = results.filter((r) => r.result !== 'SKIP');
  const failed = ran.filter((r) => r.result === 'FAIL');
  const skipped = results.length - ran.length;
  const pass = failed.length === 0 && ran.length > 0;
  const line =
    `verdict: ${pass ? 'PASS' : 'FAIL'}: ${ran.length - failed.length}/${ran.length} drills passed` +
    (skipped > 0 ? `, ${skipped} skipped` : '') +
    (failed.length > 0 ? ` (failed: ${failed.map((r) => r.drill).join(', ')})` : '');
  return { pass, line };
}

export function printReport(results: readonly DrillResult[]): void {
  console.table(results.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]]))));
  for (const r of results) {
    for (const n of r.notes) process.stdout.write(`${r.drill}: ${n}\n`);
    for (const p of r.problems) process.stdout.write(`${r.drill}: PROBLEM: ${p}\n`);
  }
  process.stdout.write(`${verdictOf(results).line}\n`);
}

const cell = (v: unknown) => String(v).replace(/\|/g, '\\|');

export function writeMarkdownReport(
  path: string,
  results: readonly DrillResult[],
  meta: { deployment: string; settings: string; startedAt: Date; seconds: number },
): void {
  const lines = [
    '# Fault drill report',
    '',
    `- started: ${meta.startedAt.toISOString()}, took ${Math.round(meta.seconds)} s`,
    `- deployment: ${meta.deployment}`,
    `- settings: ${meta.settings}`,
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...results.map((r) => `| ${COLUMNS.map((c) => cell(r[c])).join(' | ')} |`),
    '',
  ];
  for (const r of results) {
    if (r.notes.length === 0 && r.problems.length === 0) continue;
    lines.push(`## ${r.drill}`, '');
    for (const n of r.notes) lines.push(`- ${n}`);
    for (const p of r.problems) lines.push(`- **problem**: ${p}`);
    lines.push('');
  }
  lines.push(`**${verdictOf(results).line}**`, '');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n'));
}
