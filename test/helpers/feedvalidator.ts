// The W3C Feed Validator (its own source, run offline by ../shared/tools/feedvalidator/validate-feed)
// as the online service reports a feed: every error and warning, each kind once. It needs Debian's
// python3-lxml, python3-html5lib and python3-rdflib; suites skip with a printed reason where the tool
// or a module is missing, and .ci/run installs the modules. pyenv shims can hide the Debian modules,
// so /usr/bin/python3 is tried after whatever python3 is on PATH. FEEDVALIDATOR overrides the path.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FEEDVALIDATOR = process.env.FEEDVALIDATOR ?? resolve(import.meta.dirname, '../../../shared/tools/feedvalidator/validate-feed');
const MODULES = ['lxml', 'html5lib', 'rdflib'];

function findPython(): string | undefined {
  for (const bin of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(bin, ['-c', `import ${MODULES.join(', ')}`], { stdio: 'ignore' });
      return bin;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

const python = existsSync(FEEDVALIDATOR) ? findPython() : undefined;
export const hasFeedValidator = python !== undefined;
export const noFeedValidatorReason = !existsSync(FEEDVALIDATOR)
  ? `skipped: the W3C Feed Validator is not at ${FEEDVALIDATOR} (../shared/tools/feedvalidator beside the repository, or set FEEDVALIDATOR)`
  : 'skipped: the W3C Feed Validator needs Python lxml, html5lib and rdflib (apt-get install python3-lxml python3-html5lib python3-rdflib)';

export interface ValidatorMessage {
  level: 'error' | 'warning';
  /** The validator's class for it, e.g. "NotHtml", "SelfDoesntMatchLocation". */
  type: string;
  /** "line 98, column 0: Non-html tag (1064 occurrences)" */
  text: string;
}

export interface ValidatorReport {
  file: string;
  /** The URL the feed was validated as being served at. */
  base: string;
  errors: ValidatorMessage[];
  warnings: ValidatorMessage[];
  /** Everything it printed, for a failure message. */
  output: string;
}

/**
 * Validates one feed file as served at `base` (its self link must match it). One file per call: the
 * tool applies --base to the first file only. Its exit code (1 on an error) is not a failure here;
 * the report says what it found, and a printout it cannot read throws.
 */
export async function validateFeed(file: string, base: string): Promise<ValidatorReport> {
  if (!python) throw new Error(noFeedValidatorReason);
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await run(python, [FEEDVALIDATOR, file, '--base', base], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; message: string };
    if (e.code !== 1 || e.stdout === undefined) throw new Error(`validate-feed failed on ${file}: ${e.message}\n${e.stderr ?? ''}`, { cause: error });
    ({ stdout, stderr = '' } = e as { stdout: string; stderr?: string });
  }
  const output = `${stdout}${stderr}`;
  const prefix = `${file}: `;
  const messages: ValidatorMessage[] = [];
  let summary: [number, number] | undefined;
  for (const line of stdout.split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const rest = line.slice(prefix.length);
    const message = /^(error|warning): (\w+): (.*)$/.exec(rest);
    const counts = /^(\d+) errors, (\d+) warnings$/.exec(rest);
    if (message) messages.push({ level: message[1] as 'error' | 'warning', type: message[2]!, text: message[3]! });
    else if (counts) summary = [Number(counts[1]), Number(counts[2])];
  }
  const errors = messages.filter((m) => m.level === 'error');
  const warnings = messages.filter((m) => m.level === 'warning');
  if (!summary || summary[0] !== errors.length || summary[1] !== warnings.length) {
    throw new Error(`could not read validate-feed's report on ${file}:\n${output}`);
  }
  return { file, base, errors, warnings, output };
}
