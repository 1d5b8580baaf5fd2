// The command line of every script in scripts/: one option table gives the parser, the --help text
// and the one-line errors, so no script hand-rolls them and no option goes undocumented. Pure: it
// takes the arguments and the environment and returns a result; scripts/*.ts print and exit through
// `readCommandLine` in ./process.ts, which is the usual way in.
//
//   import { readCommandLine } from '../src/lib/cli/process.ts';
//   import type { CommandSpec } from '../src/lib/cli/args.ts';
//
//   const COMMAND = {
//     name: 'check',                 // the npm script's name in package.json (errors, help, npm detection)
//     usage: 'npm run check -- [options]',
//     summary: 'Validates every essay, issue, author, dataset and the taxonomy, without a build.',
//     options: {
//       root: { type: 'string', arg: 'DIR', describe: 'the publication to check', defaultText: 'this repository' },
//       json: { type: 'boolean', describe: 'print the problems as JSON' },
//       limit: { type: 'integer', arg: 'N', min: 1, default: 50, describe: 'show at most N problems' },
//     },
//     examples: ['npm run check', 'npm run check -- --json'],
//   } as const satisfies CommandSpec;
//
//   const { values, positionals } = readCommandLine(COMMAND);   // values.root: string | undefined,
//                                                               // values.json: boolean, values.limit: number
//
// Option types: 'string' (with `multiple: true` an array, empty when absent; `choices` to restrict),
// 'boolean' (a flag, false when absent), 'integer' (`min`), 'number' (`min`, `max`). `default` is
// returned when absent and shown in the help; `defaultText` shows a default the script works out
// itself. `positional` describes the arguments (required, variadic, integer). -h/--help is added.
//
// What a user gets (exit codes are readCommandLine's):
//   --help / -h anywhere before `--`   the help text on stdout, exit 0
//   an unknown option                  check: unknown option --jsn; did you mean --json? Run npm run check -- --help
//   an option without its value        check: --root needs a value (--root DIR). Run npm run check -- --help
//   a bad number or choice             check: --limit expects a whole number from 1 up, received "x". Run …
//   an argument, to a command of none  check: unexpected argument foo: this command takes only options. Run …
//   `npm run check --json` (no `--`)   check: npm took --json as its own setting, so the script never saw it;
//                                      put -- before the options: npm run check -- --json
// each on ONE line of stderr, exit 2, no stack trace. A script's own checks after parsing (a file
// that does not exist, an unknown author) stay in the script.
//
// npm swallowing an option written before `--` is caught by ./npm-swallowed.ts; the option and
// command types are in ./spec.ts (re-exported here).
//
// Pure API: parseCommandLine(spec, argv, env) -> { kind: 'run', values, positionals } |
// { kind: 'help', text } | { kind: 'error', error: CliError }; renderHelp(spec) -> string.
import { suggest } from '../errors/suggest.ts';
import { swallowedMessage, swallowedOptions } from './npm-swallowed.ts';
import { placeholder, quote, type BooleanOption, type CommandSpec, type CliValues, type NumberOption, type OptionSpec } from './spec.ts';

export type { BooleanOption, CliValues, CommandSpec, IntegerOption, NumberOption, OptionSpec, PositionalSpec, StringOption } from './spec.ts';

export type CliResult<S extends CommandSpec> =
  { kind: 'run'; values: CliValues<S>; positionals: string[] } | { kind: 'help'; text: string } | { kind: 'error'; error: CliError };

/** A mistake on the command line: `message` is the one line to print; exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode = 2;
  /** The option or argument at fault, as typed (e.g. "--autor"), when there is one. */
  readonly subject: string | undefined;
  constructor(message: string, subject?: string) {
    super(message);
    this.subject = subject;
  }
}

const HELP: BooleanOption = { type: 'boolean', short: 'h', describe: 'print this help and exit' };

/** The help command for a spec: what every error line ends with. */
export const helpCommand = (spec: Pick<CommandSpec, 'name'>) => `npm run ${spec.name} -- --help`;

function defaultOf(o: OptionSpec): string {
  if (o.defaultText !== undefined) return o.defaultText;
  if (o.type === 'boolean') return 'off';
  return o.default !== undefined ? String(o.default) : 'none';
}

/** The --help text: usage, summary, the argument, every option with its meaning and default, examples. */
export function renderHelp(spec: CommandSpec): string {
  const options = Object.entries(spec.options);
  const rows = options.map(([name, o]) => [`${o.short ? `-${o.short}, ` : ''}--${name}${placeholder(o)}`, `${o.describe} (default: ${defaultOf(o)})`]);
  rows.push(['-h, --help', HELP.describe]);
  const width = Math.max(18, ...rows.map(([flag]) => flag!.length), spec.positional ? spec.positional.name.length : 0);
  const lines = [`usage: ${spec.usage}`, '', spec.summary, ''];
  if (spec.positional) {
    const p = spec.positional;
    lines.push('arguments:', `  ${p.name.padEnd(width)}  ${p.describe}${p.required ? '' : ` (default: ${p.defaultText ?? 'none'})`}`, '');
  }
  lines.push('options:', ...rows.map(([flag, text]) => `  ${flag!.padEnd(width)}  ${text}`), '');
  lines.push('examples:', ...spec.examples.map((e) => `  ${e}`));
  for (const section of spec.sections ?? []) lines.push('', `${section.title}:`, ...section.lines.map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}

function parseInteger(raw: string, min: number | undefined): number | undefined {
  if (!/^-?\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) && (min === undefined || n >= min) ? n : undefined;
}

const wholeNumber = (min: number | undefined) => `a whole number${min === undefined ? '' : ` from ${min} up`}`;

function parseNumber(raw: string, o: NumberOption): number | undefined {
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw)) return undefined;
  const n = Number(raw);
  return (o.min === undefined || n >= o.min) && (o.max === undefined || n <= o.max) ? n : undefined;
}

function aNumber(o: NumberOption): string {
  if (o.min !== undefined && o.max !== undefined) return `a number from ${o.min} to ${o.max}`;
  if (o.min !== undefined) return `a number from ${o.min} up`;
  return o.max !== undefined ? `a number up to ${o.max}` : 'a number';
}

/** Reads `argv` (the arguments after the script, as in process.argv.slice(2)) against `spec`. */
export function parseCommandLine<S extends CommandSpec>(
  spec: S,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): CliResult<S> {
  const fail = (message: string, subject?: string): CliResult<S> => ({
    kind: 'error',
    error: new CliError(`${spec.name}: ${message}${/[?.]$/.test(message) ? '' : '.'} Run ${helpCommand(spec)}`, subject),
  });
  const options: Record<string, OptionSpec> = { ...spec.options, help: HELP };
  const shorts = new Map(Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  const longNames = Object.keys(options);

  // --help wins over any mistake beside it: asking for help always gets it.
  const end = argv.indexOf('--');
  const before = end === -1 ? argv : argv.slice(0, end);
  if (before.some((a) => a === '--help' || a === '-h')) return { kind: 'help', text: renderHelp(spec) };

  const raw = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const typed = eq === -1 ? arg : arg.slice(0, eq);
    const long = typed.startsWith('--');
    const name = long ? typed.slice(2) : shorts.get(typed.slice(1));
    const option = name === undefined ? undefined : options[name];
    if (!option || name === undefined || (!long && typed.length !== 2)) {
      const hint = suggest(typed.replace(/^--?/, ''), longNames);
      return fail(`unknown option ${typed}${hint ? `; did you mean --${hint}?` : ''}`, typed);
    }
    let value: string;
    if (option.type === 'boolean') {
      if (eq !== -1) return fail(`--${name} takes no value, received "${arg.slice(eq + 1)}"`, typed);
      value = 'true';
    } else if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      // "--author --topic x" forgot the author: a following option is not a value (a negative number is).
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next)))
        return fail(`${typed} needs a value (--${name}${placeholder(option)})`, typed);
      value = next;
      i++;
    }
    raw.set(name, [...(raw.get(name) ?? []), value]);
  }

  // Run as this command's npm script: options npm kept for itself show up as npm_config_ variables.
  if (env.npm_lifecycle_event === spec.name) {
    const swallowed = swallowedOptions(spec, env, new Set(raw.keys()));
    if (swallowed.length) {
      const { message, subject } = swallowedMessage(spec, swallowed, positionals);
      return { kind: 'error', error: new CliError(message, subject) };
    }
  }

  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const given = raw.get(name);
    const last = given?.at(-1);
    if (option.type === 'boolean') values[name] = last !== undefined;
    else if (option.type === 'integer') {
      if (last === undefined) values[name] = option.default;
      else {
        const n = parseInteger(last, option.min);
        if (n === undefined) return fail(`--${name} expects ${wholeNumber(option.min)}, received "${last}"`, `--${name}`);
        values[name] = n;
      }
    } else if (option.type === 'number') {
      if (last === undefined) values[name] = option.default;
      else {
        const n = parseNumber(last, option);
        if (n === undefined) return fail(`--${name} expects ${aNumber(option)}, received "${last}"`, `--${name}`);
        values[name] = n;
      }
    } else {
      const list = given ?? [];
      const bad = option.choices && list.find((v) => !option.choices!.includes(v));
      if (bad !== undefined && option.choices) {
        const hint = suggest(bad, option.choices);
        return fail(`--${name} must be one of ${option.choices.join(', ')}, received "${bad}"${hint ? `; did you mean ${hint}?` : ''}`, `--${name}`);
      }
      values[name] = option.multiple ? list : (last ?? option.default);
    }
  }

  const p = spec.positional;
  if (!p && positionals.length) return fail(`unexpected argument ${quote(positionals[0]!)}: this command takes only options`, positionals[0]);
  if (p) {
    if (p.required && !positionals.length) return fail(`missing the ${p.name}; usage: ${spec.usage}`, p.name);
    if (!p.variadic && positionals.length > 1)
      return fail(`expected one ${p.name}, received ${positionals.length}: ${positionals.map(quote).join(' ')}`, positionals[1]);
    if (p.integer) {
      const bad = positionals.find((a) => parseInteger(a, p.integer!.min) === undefined);
      if (bad !== undefined) return fail(`the ${p.name} must be ${wholeNumber(p.integer.min)}, received ${quote(bad)}`, bad);
    }
  }
  return { kind: 'run', values: values as CliValues<S>, positionals };
}
