// `npm run new` and `npm run check` as an author runs them, on a scratch copy of a publication.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { author, essay, taxonomy } from '../lib/content/fixtures.ts';
import { repoRoot } from '../helpers/site.ts';

const exec = promisify(execFile);
let root: string;

// No npm_* from the environment the tests run in (`npm test` sets some): a test sets those it means.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));

async function cli(script: string, args: string[] = [], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(repoRoot, 'scripts', script), ...args], {
      env: { ...baseEnv, SUBSTATION_ROOT: root, ...env },
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

  it('names a mistyped option on one line, with the option it was meant to be, and writes nothing', async () => {
    const result = await cli('new.ts', ['Power Is the New Silicon', '--autor', 'mara-okafor']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('new: unknown option --autor; did you mean --author? Run npm run new -- --help\n');
    expect(readdirSync(join(root, 'content/essays'))).toEqual([]);
  });

  it('catches `npm run new "Title" --author x` without --, where npm keeps --author for itself', async () => {
    const told =
      'new: npm took --author as its own setting, so the script never saw it; put -- before the options: npm run new -- "Power Is the New Silicon" --author x\n';
    // What npm 11 passes then: the title and "x" as arguments, npm_config_author=true.
    const npm11 = await cli('new.ts', ['Power Is the New Silicon', 'x'], { npm_lifecycle_event: 'new', npm_config_author: 'true' });
    expect(npm11).toEqual({ code: 2, stdout: '', stderr: told });
    // Older npm: the title alone, npm_config_author=x.
    const older = await cli('new.ts', ['Power Is the New Silicon'], { npm_lifecycle_event: 'new', npm_config_author: 'x' });
    expect(older).toEqual({ code: 2, stdout: '', stderr: told });
    // No power-is-the-new-silicon-x.mdx, nor a draft under the first author.
    expect(readdirSync(join(root, 'content/essays'))).toEqual([]);
    // Typed as told, with --, it reaches the script (and an unknown author is then reported as such).
    const retyped = await cli('new.ts', ['Power Is the New Silicon', '--author', 'x'], { npm_lifecycle_event: 'new' });
    expect(retyped.code).toBe(2);
    expect(retyped.stderr).toMatch(/^✗ unknown author "x"\. Allowed: /);
  });

  // The real thing, where npm is installed: npm itself decides what the script receives.
  const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  it.runIf(npm.status === 0)(`through npm ${npm.stdout?.trim()}: without -- it fails on one line and writes nothing; with -- it writes the draft`, async () => {
    // A second author, so that the draft naming her shows --author reached the script.
    writeFileSync(join(root, 'content/authors/priya-raman.yaml'), author.text.replace('Mara Okafor', 'Priya Raman'));
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, scripts: { new: `"${process.execPath}" "${join(repoRoot, 'scripts/new.ts')}"` } }),
    );
    const env = { ...baseEnv, SUBSTATION_ROOT: root, npm_config_update_notifier: 'false', npm_config_fund: 'false' };
    const npmRun = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn('npm', ['run', '--silent', 'new', ...args], { cwd: root, env });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => done({ code, stderr }));
      });
    const wrong = await npmRun(['Power Is the New Silicon', '--author', 'priya-raman']);
    expect(wrong.code).not.toBe(0);
    const ours = wrong.stderr.split('\n').filter((line) => line.startsWith('new: '));
    expect(ours).toEqual([
      'new: npm took --author as its own setting, so the script never saw it; put -- before the options: npm run new -- "Power Is the New Silicon" --author priya-raman',
    ]);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(root, 'content/essays'))).toEqual([]);
    const right = await npmRun(['--', 'Power Is the New Silicon', '--author', 'priya-raman']);
    expect(right).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(join(root, 'content/essays/power-is-the-new-silicon.mdx'), 'utf8')).toContain('authors: [priya-raman]');
  });

  it('--help prints the options with their defaults and an example, and writes nothing', async () => {
    const help = await cli('new.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--author ID +the author: .* \(default: the first author, alphabetically\)$/m);
    expect(help.stdout).toMatch(/^ {2}--topic ID +the topic: .* \(default: the first topic of the taxonomy\)$/m);
    expect(help.stdout).toContain('\nexamples:\n  npm run new -- "Power Is the New Silicon" --author mara-okafor --topic energy\n');
    expect(readdirSync(join(root, 'content/essays'))).toEqual([]);
  });
});

describe('npm run check', () => {
  it('checks datasets too: a bad cell is named by file, row and column before any build', async () => {
    writeFileSync(join(root, 'content/data/hbm-share.meta.yaml'), readFileSync(join(repoRoot, 'content/data/hbm-share.meta.yaml'), 'utf8'));
    writeFileSync(
      join(root, 'content/data/hbm-share.csv'),
      readFileSync(join(repoRoot, 'content/data/hbm-share.csv'), 'utf8').replace(/\n(\d{4}),([^,\n]+),[^,\n]+\n/, '\n$1,$2,n/a?\n'),
    );
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
