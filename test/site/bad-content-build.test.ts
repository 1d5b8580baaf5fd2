// `npm run build` on a publication with mistakes: it must fail, naming every file and field.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { essay } from '../lib/content/fixtures.ts';
import { repoRoot } from '../helpers/site.ts';

const exec = promisify(execFile);
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'substation-bad-'));
  for (const entry of ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function build() {
  try {
    await exec(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(root, 'dist')], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    return { code: 0, output: '' };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}\n${e.stderr}` };
  }
}

describe('a build with bad content', () => {
  it('fails and lists each problem with its file and field, and no stack trace', async () => {
    const author = 'mara-okafor';
    const bad = essay('zz-bad-topic.mdx', { authors: `[${author}]`, topics: '[chips, enrgy]', companies: '[tsmc]' });
    const noTitle = essay('zz-no-title.mdx', { authors: `[${author}]`, title: undefined, date: 'someday', companies: '[tsmc]' });
    writeFileSync(join(root, bad.file), bad.text);
    writeFileSync(join(root, noTitle.file), noTitle.text);
    writeFileSync(join(root, 'content/essays/ZZ-Bad-Topic.md'), bad.text);
    const { code, output } = await build();
    expect(code).not.toBe(0);
    expect(output).toContain('content/essays/zz-bad-topic.mdx:6: topics[1]: unknown topic "enrgy"; did you mean "energy"? Allowed: chips, energy, networks, datacenters, storage, security');
    expect(output).toContain('content/essays/zz-no-title.mdx: title: required');
    expect(output).toContain('content/essays/zz-no-title.mdx:3: date: expected a date as YYYY-MM-DD');
    expect(output).toMatch(/duplicate slug "zz-bad-topic"/);
    expect(output).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });
});
