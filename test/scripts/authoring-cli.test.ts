// `npm run new` and `npm run check` as an author runs them, on a scratch copy of a publication.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { author, essay, taxonomy } from '../lib/content/fixtures.ts';
import { repoRoot } from '../helpers/site.ts';

const exec = promisify(execFile);
let root: string;

async function cli(script: string, args: string[] = []) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(repoRoot, 'scripts', script), ...args], {
      env: { ...process.env, SUBSTATION_ROOT: root },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'substation-cli-'));
  for (const dir of ['content/essays', 'content/authors', 'content/data']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, taxonomy.file), taxonomy.text);
  writeFileSync(join(root, author.file), author.text);
});

describe('npm run new', () => {
  it('writes a draft essay with a slug from the title, which then passes the check', async () => {
    const made = await cli('new.ts', ['Power Is the New Silicon', '--topic', 'energy']);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('✓ wrote content/essays/power-is-the-new-silicon.mdx');
    const text = readFileSync(join(root, 'content/essays/power-is-the-new-silicon.mdx'), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Power Is the New Silicon"\n/);
    expect(text).toContain('topics: [energy]');
    const checked = await cli('check.ts');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/✓ checked 1 essays, 1 authors, 3 topics and 2 companies in \d+ms/);
  });

  it('refuses to overwrite an existing essay', async () => {
    await cli('new.ts', ['Same Title']);
    writeFileSync(join(root, 'content/essays/same-title.mdx'), 'edited by hand');
    const again = await cli('new.ts', ['Same Title']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('✗ content/essays/same-title.mdx already exists');
    expect(readFileSync(join(root, 'content/essays/same-title.mdx'), 'utf8')).toBe('edited by hand');
  });

  it('explains its usage and rejects an unknown topic', async () => {
    expect((await cli('new.ts')).stderr).toContain('usage: npm run new -- "Essay title"');
    const noSlug = await cli('new.ts', ['!!!']);
    expect(noSlug.code).toBe(2);
    expect(noSlug.stderr).toBe('✗ cannot make a file name from the title "!!!": use letters or digits\n');
    const bad = await cli('new.ts', ['X', '--topic', 'power']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('✗ unknown topic "power". Allowed: chips, energy, networks');
  });
});

describe('npm run check', () => {
  it('checks datasets too: a bad cell is named by file, row and column before any build', async () => {
    writeFileSync(join(root, 'content/data/hbm-share.meta.yaml'), readFileSync(join(repoRoot, 'content/data/hbm-share.meta.yaml'), 'utf8'));
    writeFileSync(join(root, 'content/data/hbm-share.csv'), readFileSync(join(repoRoot, 'content/data/hbm-share.csv'), 'utf8').replace(/\n(\d{4}),([^,\n]+),[^,\n]+\n/, '\n$1,$2,n/a?\n'));
    const result = await cli('check.ts');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/data\/hbm-share\.csv: row \d+, column "share": expected percent, found "n\/a\?"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });


  it('lists every problem with file, line and field, and exits 1', async () => {
    const a = essay('a.mdx', { topics: '[chips, enrgy]' });
    const b = essay('b.mdx', { date: 'soon', authors: '[ghost]' });
    writeFileSync(join(root, a.file), a.text);
    writeFileSync(join(root, b.file), b.text);
    const result = await cli('check.ts');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✗ 3 problems in the content:');
    expect(result.stderr).toContain('content/essays/a.mdx:6: topics[1]: unknown topic "enrgy"; did you mean "energy"?');
    expect(result.stderr).toContain('content/essays/b.mdx:4: date: expected a date as YYYY-MM-DD such as 2026-03-14, received "soon"');
    expect(result.stderr).toContain('content/essays/b.mdx:5: authors[0]: unknown author "ghost"');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user mistake
  });
});
