// npm run bench:check -- [N]: `npm run check` on a scratch copy with N essays (default 1,000) cycled
// from the samples, embeds and all, checked frontmatter, bodies and datasets. Prints the wall time of
// each of three runs (a fresh process each, as an author runs it) and their median.
// Target from issue 12: 1,000 essays checked in at most 5 s.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { writeEssayCopies } from './bench/essay-copies.ts';

const COMMAND = {
  name: 'bench:check',
  usage: 'npm run bench:check -- [N]',
  summary: 'Runs npm run check three times on a scratch copy with N essays cycled from the samples, and prints each wall time and the median.',
  positional: { name: 'N', integer: { min: 1 }, describe: 'how many essays', defaultText: '1000' },
  options: {},
  examples: ['npm run bench:check', 'npm run bench:check -- 5000'],
} as const satisfies CommandSpec;

const root = fileURLToPath(new URL('..', import.meta.url));
const { positionals } = readCommandLine(COMMAND);
const count = Number(positionals[0] ?? 1000);

const scratch = mkdtempSync(join(tmpdir(), 'substation-bench-check-'));
try {
  cpSync(join(root, 'content'), join(scratch, 'content'), { recursive: true });
  for (const link of ['src', 'node_modules']) symlinkSync(join(root, link), join(scratch, link));
  writeEssayCopies(root, scratch, count);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const out = execFileSync(process.execPath, [join(root, 'scripts/check.ts')], { env: { ...process.env, SUBSTATION_ROOT: scratch }, encoding: 'utf8' });
    runs.push(performance.now() - started);
    if (i === 0) process.stdout.write(out);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(
    `check, ${count} essays: ${runs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; median ${(sorted[1]! / 1000).toFixed(2)} s (target ≤ 5 s)`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
