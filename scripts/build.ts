// `npm run build`: `astro build` in a child process, then the search index in this one once Astro's
// has exited, then the new build put in place of the old (src/lib/build/handoff-fs.ts). The
// two never hold memory at once: at 1,000 essays the build's peak is Astro's alone, not Astro's plus
// Pagefind's. A build that fails at any step leaves the previous output as it was.
// The content check runs in a process of its own while Astro's process starts (1.4 s of 1,000 essays
// that Astro's start no longer waits for). Astro's output is held until the check is done: a
// mistake gets the check's lines alone, as under a plain `astro build`, and Astro is stopped.
import { fork, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { HANDOFF_ENV, readHandoff } from '../src/lib/build/handoff-fs.ts';
import type { ProjectReport } from '../src/lib/content/check-fs.ts';
import { CHECK_ELSEWHERE_ENV, CONTENT_CHECK, checkVerdict } from '../src/lib/content/check-lines.ts';

const COMMAND = {
  name: 'build',
  usage: 'npm run build -- [options]',
  summary:
    'Checks the content while `astro build` starts (with problems, lists them and stops the build), builds the site, then its search index in a process of its own, then puts the new build in place of the old one. A build that fails at any step leaves the previous output as it was.',
  options: {
    outDir: { type: 'string', arg: 'DIR', describe: "where the site goes (Astro's --outDir)", defaultText: 'dist' },
    force: { type: 'boolean', describe: "clear Astro's content cache first (Astro's --force)" },
  },
  examples: ['npm run build', 'npm run build -- --outDir public-html', 'SITE_URL=https://research.example npm run build'],
  sections: [
    {
      title: 'exit codes',
      lines: [
        '0  built, indexed and in place',
        '1  the content has problems, or the build or the index failed (the previous output is as it was)',
        '2  the command line is invalid',
      ],
    },
  ],
} as const satisfies CommandSpec;

const { values } = readCommandLine(COMMAND);
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const handoff = join(tmpdir(), `substation-build-${process.pid}.json`);

/** A line as Astro's logger prints it, so the build reads as one: "12:04:05 [label] message". */
function log(label: string, message: string, stream: NodeJS.WriteStream = process.stdout) {
  const time = new Date().toTimeString().slice(0, 8);
  stream.write(`${time} [${label}] ${message}\n`);
}

/** The content check of the project in the current folder, in a child process (src/lib/content/check-process.ts). */
function checkContent(): Promise<{ report: ProjectReport; ms: number }> {
  const child = fork(fileURLToPath(new URL('../src/lib/content/check-process.ts', import.meta.url)), [process.cwd()], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (result: { report: ProjectReport; ms: number }) => resolve(result));
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the content check stopped (${signal ?? `exit ${code}`}) without a report`)));
  });
}

/**
 * `astro build` in a child process beside the content check; its exit code. Astro's output waits
 * until the content is found valid; with problems, Astro is stopped and they alone are printed.
 */
async function astroBuild(): Promise<number> {
  const args = ['build', ...(values.outDir ? ['--outDir', values.outDir] : []), ...(values.force ? ['--force'] : [])];
  // Astro writes to pipes now: colour as a terminal would show it, unless the environment says otherwise.
  const colour = process.stdout.isTTY && !('NO_COLOR' in process.env) && !('FORCE_COLOR' in process.env) ? { FORCE_COLOR: '1' } : {};
  const child = spawn(process.execPath, [astro, ...args], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, ...colour, [HANDOFF_ENV]: handoff, [CHECK_ELSEWHERE_ENV]: '1' },
  });
  const held: Array<[NodeJS.WriteStream, Buffer]> = [];
  let holding = true;
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from.on('data', (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk)));
  }
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  let verdict: ReturnType<typeof checkVerdict>;
  try {
    const { report, ms } = await checkContent();
    for (const warning of report.warnings) log(CONTENT_CHECK, `! ${warning}`, process.stderr);
    verdict = checkVerdict(report, ms);
  } catch (error) {
    verdict = { ok: false, line: `✗ the content check failed: ${(error as Error).message}` };
  }
  if (!verdict.ok) {
    // Astro stops where it is; it removes its staging folder on the way out (atomicDist).
    child.kill('SIGTERM');
    await exited;
    log(CONTENT_CHECK, verdict.line, process.stderr);
    return 1;
  }
  log(CONTENT_CHECK, verdict.line);
  holding = false;
  for (const [to, chunk] of held.splice(0)) to.write(chunk);
  return exited;
}

/** The build, indexed and in place; the exit code. */
async function build(): Promise<number> {
  const code = await astroBuild();
  if (code !== 0) return code;
  if (!existsSync(handoff)) {
    log('build', 'astro build finished but handed no build over: is atomicDist() the last integration in astro.config.mjs?', process.stderr);
    return 1;
  }
  const paths = readHandoff(handoff);
  const shown = (path: string) => relative(process.cwd(), path) || path;
  // Imported only now, so Pagefind's module is not loaded while Astro builds.
  const { finishBuild } = await import('../src/lib/build/finish-fs.ts');
  const { SEARCH_INDEX } = await import('../src/lib/search/index-site-fs.ts');
  try {
    log(SEARCH_INDEX, await finishBuild(paths));
  } catch (error) {
    log('build', `${(error as Error).message}\n${shown(paths.target)}/ is as it was.`, process.stderr);
    return 1;
  }
  log('substation:atomic-dist', `✓ ${shown(paths.target)}/ replaced by the new build`);
  return 0;
}

try {
  process.exitCode = await build();
} finally {
  rmSync(handoff, { force: true });
}
