// Every command in scripts/ as a user meets it: --help lists its options with their meaning and
// default, and an example; a mistyped option, or one missing its value, gets one line and exit 2;
// an option npm swallowed (no `--` before it) is caught before the command does anything.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
// An empty publication: should a command get past its command line by mistake, it finds nothing to work on.
const empty = mkdtempSync(join(tmpdir(), 'substation-cli-help-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

/** The options each command takes, as its help shows them (with the placeholder of a value): exactly these, then -h, --help. */
const OPTIONS: Record<string, string[]> = {
  'new.ts': ['author ID', 'topic ID'],
  'ingest.ts': ['config FILE', 'source ID', 'since DATE', 'store DIR', 'dry-run', 'retry-now', 'reclassify', 'json'],
  'digest.ts': ['week WEEK', 'from DAY', 'to DAY', 'per-topic N', 'out DIR|FILE', 'store DIR', 'sources FILE', 'author ID'],
  'send.ts': ['to ADDRESS', 'dist DIR'],
  'classify.ts': ['summary TEXT', 'source ID', 'config FILE', 'json'],
  'eval-classify.ts': ['split SPLIT', 'set SET', 'errors', 'taxonomy FILE'],
  'eval-cluster.ts': ['sample NAME', 'threshold N', 'shared DIR'],
  'bench-cards.ts': ['cards N', 'workers N'],
  'bench-charts.ts': [],
  'bench-cluster.ts': [],
  'bench-ingest.ts': ['serve'],
  'bench-news.ts': ['no-build', 'keep'],
  'build.ts': ['outDir DIR', 'force'],
  'check.ts': ['root DIR'],
  'bench-check.ts': [],
  'bench-build.ts': ['keep'],
  'data.ts': ['root DIR', 'dry-run', 'json'],
};

// The npm script of each file, from package.json: the name the commands print and match npm_lifecycle_event against.
const npmScripts = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts as Record<string, string>;
const npmName = (file: string) => Object.entries(npmScripts).find(([, command]) => command.endsWith(`scripts/${file}`))?.[0];

// No npm_* from the environment the tests run in (`npm test` sets some): each test says which it wants.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));

async function cli(file: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'scripts', file), ...args], {
      cwd: empty,
      env: { ...baseEnv, SUBSTATION_ROOT: empty, ...env },
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The option rows of a help text: flag, placeholder and the text after them. */
function optionRows(help: string) {
  const block = help.split('\noptions:\n')[1]?.split('\n\n')[0] ?? '';
  return block.split('\n').map((line) => {
    const m = /^ {2}(?:-\w, )?--([\w-]+)((?: [^\s]+)?) {2,}(\S.*)$/.exec(line);
    if (!m) throw new Error(`not an option row: "${line}"`);
    return { name: m[1]!, arg: m[2]!.trim(), text: m[3]! };
  });
}

// Commands not yet in OPTIONS (a new script in flight); none today.
const ELSEWHERE: string[] = [];

it('covers every other command in scripts/', () => {
  const files = readdirSync(join(repo, 'scripts')).filter((n) => n.endsWith('.ts') && !ELSEWHERE.includes(n));
  expect(files.sort()).toEqual(Object.keys(OPTIONS).sort());
});

// Concurrent: each case is a child process reading nothing the others write, and most of the time
// is Node starting up, which overlaps: 16 s one after another, 12 s concurrently (load average 4).
describe.concurrent.each(Object.entries(OPTIONS))('%s', (file, flags) => {
  const name = npmName(file)!;
  const options = flags.map((flag) => flag.split(' ')[0]!);

  it('is an npm script', () => expect(name).toBeDefined());

  it('--help exits 0 with the usage, every option with its meaning and default, and an example', async () => {
    const { code, stdout, stderr } = await cli(file, ['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(new RegExp(`^usage: npm run ${name}( |$)`, 'm'));
    const rows = optionRows(stdout);
    expect(rows.map((r) => `${r.name}${r.arg ? ` ${r.arg}` : ''}`)).toEqual([...flags, 'help']);
    for (const row of rows.filter((r) => r.name !== 'help')) expect(row.text).toMatch(/^\S.*\S \(default: [^)]+\)$/);
    expect(rows.at(-1)!.text).toBe('print this help and exit');
    const examples = stdout.trimEnd().split('\nexamples:\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example).toMatch(new RegExp(`^ {2}(\\S.* )?npm run ${name}( -- \\S.*)?$`));
    expect((await cli(file, ['-h'])).stdout).toBe(stdout);
  });

  it('names an unknown option on one line of stderr and exits 2, without a stack trace', async () => {
    const { code, stdout, stderr } = await cli(file, ['--bogus-option']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`${name}: unknown option --bogus-option. Run npm run ${name} -- --help\n`);
  });

  const long = options.find((o) => o.length >= 4);
  if (long) {
    it(`suggests --${long} for a typo of it`, async () => {
      const typo = `--${long.slice(0, -2)}${long.at(-1)}`; // drops the second-last letter: --autor
      const { code, stderr } = await cli(file, [typo, 'x']);
      expect(code).toBe(2);
      expect(stderr).toBe(`${name}: unknown option ${typo}; did you mean --${long}? Run npm run ${name} -- --help\n`);
    });
  }

  const valued = flags.find((flag) => flag.includes(' '));
  if (valued) {
    it(`names --${valued.split(' ')[0]} missing its value on one line and exits 2`, async () => {
      const [option, arg] = valued.split(' ');
      const { code, stdout, stderr } = await cli(file, [`--${option}`]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(`${name}: --${option} needs a value (--${option} ${arg}). Run npm run ${name} -- --help\n`);
    });
  }

  if (flags.length) {
    it('catches an option npm kept for itself (npm run without --) before doing anything', async () => {
      const [option, arg] = flags[0]!.split(' ');
      const key = `npm_config_${option!.replaceAll('-', '_')}`;
      const expected = (retyped: string) =>
        `${name}: npm took --${option} as its own setting, so the script never saw it; put -- before the options: npm run ${name} -- ${retyped}\n`;
      // npm 11: a flag, or an option npm does not know, is "true" and its value is passed on as an argument.
      const passedOn = await cli(file, arg ? ['7'] : [], { npm_lifecycle_event: name, [key]: 'true' });
      expect({ code: passedOn.code, stdout: passedOn.stdout }).toEqual({ code: 2, stdout: '' });
      expect(passedOn.stderr).toBe(expected(`--${option}${arg ? ' 7' : ''}`));
      if (!arg) return;
      // Older npm, or a setting npm knows: the value stays in the variable.
      const kept = await cli(file, [], { npm_lifecycle_event: name, [key]: '7' });
      expect({ code: kept.code, stderr: kept.stderr }).toEqual({ code: 2, stderr: expected(`--${option} 7`) });
    });
  }
});
