// `npm run check` on the eight mistakes an author makes: each is one line naming the file, the line
// (and column, for a body) and the fix; the clean sample passes. Runs the real CLI on a scratch copy.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISTAKES, makeMistake } from '../helpers/mistakes.ts';
import { scratchProject, type ScratchProject } from '../../scripts/bench/scratch-project.ts';
import { repoRoot } from '../helpers/site.ts';

const exec = promisify(execFile);
let project: ScratchProject;

async function check(root: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [`${repoRoot}/scripts/check.ts`, '--root', root]);
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(() => {
  project = scratchProject(repoRoot, 'substation-check-');
});
afterAll(() => project.remove());

describe('npm run check on the eight mistakes', () => {
  it('passes the sample publication, bodies included', async () => {
    const { code, out } = await check(project.root);
    expect(code).toBe(0);
    expect(out).toMatch(/✓ checked 9 essays, .* \(frontmatter and bodies\)/);
  });

  for (const mistake of MISTAKES) {
    it(`catches ${mistake.name} with file, line and fix`, { timeout: 60_000 }, async () => {
      const restore = makeMistake(project.root, mistake);
      try {
        const { code, out } = await check(project.root);
        expect(code).toBe(1);
        expect(out).toContain('✗ 1 problem in the content:');
        const line = out.split('\n').find((l) => l.includes(mistake.file)) ?? '';
        for (const part of mistake.expected) expect(line).toContain(part);
        expect(line.trim()).toMatchSnapshot();
        expect(out).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
      } finally {
        restore();
      }
    });
  }
});
