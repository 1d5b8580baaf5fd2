// `npm run digest` on a copy of the publication with the fixed news week of test/lib/digest/fixtures.ts.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { items } from '../lib/digest/fixtures.ts';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const roots: string[] = [];

function publication({ store = true } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'substation-digest-'));
  roots.push(root);
  for (const dir of ['authors', 'essays', 'data']) cpSync(join(repo, 'content', dir), join(root, 'content', dir), { recursive: true });
  cpSync(join(repo, 'content/taxonomy.yaml'), join(root, 'content/taxonomy.yaml'));
  mkdirSync(join(root, 'content/issues'));
  writeFileSync(
    join(root, 'content/sources.yaml'),
    'sources:\n  - { id: wire, name: Wire Service, url: https://wire.example/feed, weight: 3 }\n  - { id: trade, name: Trade Journal, url: https://trade.example/feed, weight: 2 }\n  - { id: forum, name: Engineers Forum, url: https://forum.example/feed, weight: 0.5 }\n',
  );
  if (store) {
    mkdirSync(join(root, 'content/news'));
    const sorted = [...items].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
    writeFileSync(join(root, 'content/news/2026-11.json'), `${JSON.stringify({ month: '2026-11', items: sorted }, null, 2)}\n`);
  }
  return root;
}

// The run's clock, pinned after the fixture weeks (W47, W48) have ended unless a test says otherwise.
const AFTER = '2026-12-01T09:00:00Z';

async function cli(root: string, script: string, args: string[] = [], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'scripts', script), ...args], {
      env: { ...process.env, SUBSTATION_ROOT: root, SUBSTATION_NOW: AFTER, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('npm run digest', () => {
  it('drafts issue 1 from the store, which passes the check, then numbers the next week 2', async () => {
    const root = publication();
    const first = await cli(root, 'digest.ts', ['--week', '2026-W47', '--per-topic', '2']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^✓ drafted issue 1 \(2026-W47\) in \d+ms: 7 stories in 4 topics, 0 new essays\n/);
    const text = readFileSync(join(root, 'content/issues/001-2026-w47.mdx'), 'utf8');
    expect(text).toContain('number: 1\n');
    expect(text).toContain('draft: true\n');
    expect(text).toContain('<Story title={"SK hynix clears HBM4 qualification"}');
    const second = await cli(root, 'digest.ts', ['--from', '2026-11-23', '--to', '2026-11-29']);
    expect(second.stdout).toMatch(/^✓ drafted issue 2 \(2026-W48\)/);
    expect(readdirSync(join(root, 'content/issues'))).toEqual(['001-2026-w47.mdx', '002-2026-w48.mdx']);
    const check = await cli(root, 'check.ts');
    expect(check.stdout).toContain('✓ checked 2 newsletter issues');
  });

  it('refuses to overwrite an existing issue, naming the file', async () => {
    const root = publication();
    await cli(root, 'digest.ts', ['--week', '2026-W47']);
    const file = join(root, 'content/issues/001-2026-w47.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{/* INTRO:', 'Edited by hand. {/* INTRO:'));
    const again = await cli(root, 'digest.ts', ['--week', '2026-W47']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('✗ content/issues/001-2026-w47.mdx already covers 2026-W47 (issue 1). Edit that file, or delete it to draft the week again.\n');
    expect(readFileSync(file, 'utf8')).toContain('Edited by hand.');
    const out = await cli(root, 'digest.ts', ['--week', '2026-W48', '--out', 'content/issues/001-2026-w47.mdx']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('✗ content/issues/001-2026-w47.mdx already exists (issue 1): the digest never overwrites an issue.');
  });

  it('writes the same bytes from the same store and options', async () => {
    const [a, b] = [publication(), publication()];
    await cli(a, 'digest.ts', ['--week', '2026-W47']);
    await cli(b, 'digest.ts', ['--week', '2026-W47']);
    expect(readFileSync(join(b, 'content/issues/001-2026-w47.mdx'), 'utf8')).toBe(readFileSync(join(a, 'content/issues/001-2026-w47.mdx'), 'utf8'));
  });

  it('explains what to run when there is no news store', async () => {
    const root = publication({ store: false });
    const result = await cli(root, 'digest.ts', ['--week', '2026-W47']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✗ no news store in content/news: run `npm run ingest` first');
    expect(existsSync(join(root, 'content/issues/001-2026-w47.mdx'))).toBe(false);
  });

  it('rejects a malformed week with an example', async () => {
    const result = await cli(publication(), 'digest.ts', ['--week', '47']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('✗ expected an ISO week such as 2026-W47, received "47"\n');
  });

  it('numbers a draft written to another folder after the issues in content/issues, not from 1', async () => {
    const root = publication();
    await cli(root, 'digest.ts', ['--week', '2026-W47']);
    const elsewhere = mkdtempSync(join(tmpdir(), 'substation-drafts-'));
    roots.push(elsewhere);
    const out = await cli(root, 'digest.ts', ['--week', '2026-W48', '--out', elsewhere]);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^✓ drafted issue 2 \(2026-W48\)/);
    expect(readdirSync(elsewhere)).toEqual(['002-2026-w48.mdx']);
    expect(readFileSync(join(elsewhere, '002-2026-w48.mdx'), 'utf8')).toContain('number: 2\n');
    expect(readdirSync(join(root, 'content/issues'))).toEqual(['001-2026-w47.mdx']);
    // A named file elsewhere, too; and the week content/issues already covers is refused there as well.
    const file = await cli(root, 'digest.ts', ['--week', '2026-W48', '--out', join(elsewhere, 'preview.mdx')]);
    expect(file.stdout).toMatch(/^✓ drafted issue 2 \(2026-W48\)/);
    const covered = await cli(root, 'digest.ts', ['--week', '2026-W47', '--out', elsewhere]);
    expect(covered.code).toBe(1);
    expect(covered.stderr).toContain('content/issues/001-2026-w47.mdx already covers 2026-W47 (issue 1)');
  });

  it('numbers after content/issues even when --out holds other .mdx files, never NaN', async () => {
    const root = publication();
    await cli(root, 'digest.ts', ['--week', '2026-W47']);
    // content/essays holds .mdx files with no issue number: they used to make the next number NaN.
    const result = await cli(root, 'digest.ts', ['--week', '2026-W48', '--out', 'content/essays']);
    expect(result.stdout).toMatch(/^✓ drafted issue 2 \(2026-W48\)/);
    expect(existsSync(join(root, 'content/essays/002-2026-w48.mdx'))).toBe(true);
    expect(readdirSync(join(root, 'content/essays')).some((n) => n.includes('NaN'))).toBe(false);
  });

  it('refuses an issue in content/issues without a number, naming the file, rather than numbering NaN', async () => {
    const root = publication();
    await cli(root, 'digest.ts', ['--week', '2026-W47']);
    const file = join(root, 'content/issues/001-2026-w47.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('number: 1\n', ''));
    const result = await cli(root, 'digest.ts', ['--week', '2026-W48']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '✗ content/issues/001-2026-w47.mdx: number: expected a whole number from 1 up, received null. Run `npm run check` for details.\n',
    );
    expect(readdirSync(join(root, 'content/issues'))).toEqual(['001-2026-w47.mdx']);
  });

  it('warns on one line when the week drafted has not ended by the clock, and still drafts it', async () => {
    const root = publication();
    const early = await cli(root, 'digest.ts', ['--week', '2026-W48'], { SUBSTATION_NOW: '2026-11-26T10:30:00Z' });
    expect(early.code).toBe(0);
    expect(early.stdout).toMatch(/^✓ drafted issue 1 \(2026-W48\)/);
    expect(early.stderr).toBe(
      '⚠ 2026-W48 (23–29 November 2026) has not ended yet: it is 2026-11-26 10:30 UTC, so the draft misses the news until it ends at 2026-11-30 00:00 UTC. Draft it again then, or pick a finished week with --week.\n',
    );
    // The same for days given with --from/--to, and for a window still to come.
    const days = await cli(publication(), 'digest.ts', ['--from', '2026-11-23', '--to', '2026-11-29'], { SUBSTATION_NOW: '2026-11-20T00:00:00Z' });
    expect(days.stderr).toMatch(/^⚠ 2026-W48 \(23–29 November 2026\) has not started yet: it is 2026-11-20 00:00 UTC,[^\n]*\n$/);
    // At the first instant after the week it has ended: no warning.
    const after = await cli(publication(), 'digest.ts', ['--week', '2026-W48'], { SUBSTATION_NOW: '2026-11-30T00:00:00Z' });
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
  });

  it('drafts the last complete week by the clock by default, and refuses a clock it cannot read', async () => {
    const monday = await cli(publication(), 'digest.ts', [], { SUBSTATION_NOW: '2026-11-23T06:00:00Z' });
    expect(monday.stdout).toMatch(/^✓ drafted issue 1 \(2026-W47\)/);
    expect(monday.stderr).toBe('');
    const bad = await cli(publication(), 'digest.ts', [], { SUBSTATION_NOW: 'next monday' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('✗ SUBSTATION_NOW: expected an ISO time such as 2026-11-23T09:00:00Z, received "next monday"\n');
  });
});
