// The static checks, as the package's scripts define them: `npm run typecheck` (astro check: types in
// .astro and .ts files), `npm run lint` (ESLint) and `npm run format:check` (Prettier). They run as
// tests of the suite rather than one after another before it, so they share the machine with it: on a
// 2-core machine the suite leaves most of a core idle while it waits on builds, child processes and
// browsers (user and system time 1.28 cores on average over a 160 s run, measured). Each prints
// what failed, as the tool does. They wait for the suite's shared build, which writes the generated
// types in .astro/ that astro check reads: no check ever sees them half written.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, repoRoot } from '../helpers/site.ts';

const run = promisify(execFile);
// astro check takes 20 s alone on a 2-core machine, about 60 s beside builds (measured); ESLint and
// Prettier 6 s each alone.
const TIMEOUT = 240_000;

async function script(name: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', name], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024, timeout: TIMEOUT });
    return { code: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}` };
  }
}

describe('the static checks', () => {
  beforeAll(async () => {
    await builtSite();
  });
  for (const [name, what] of [
    ['typecheck', 'types check (astro check)'],
    ['lint', 'ESLint finds no problem'],
    ['format:check', 'every file is formatted as Prettier writes it'],
  ] as const) {
    it(`npm run ${name}: ${what}`, { timeout: TIMEOUT + 10_000 }, async () => {
      const { code, output } = await script(name);
      expect(code, `npm run ${name} failed:\n${output}`).toBe(0);
    });
  }
});
