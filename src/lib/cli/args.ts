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
// The last case: npm reads `--name value` written before `--` as its own setting. npm 11 sets
// npm_config_name=true for a name it does not know and passes `value` on as an argument (so
// `npm run new "Title" --author x` would write title-x.mdx); for a name it knows or can abbreviate
// (`--to` is short for its --token-description) it keeps the value, npm_config_token_description=x;
// older npm set npm_config_name=value. So when the script runs as this command's npm script
// (npm_lifecycle_event is `name`), an npm_config_ variable named by one of the command's options,
// or starting with it, that is not also on the command line, means the option was swallowed; the
// error rebuilds the command with the value put back beside its option where that is unambiguous.
//
// Pure API: parseCommandLine(spec, argv, env) -> { kind: 'run', values, positionals } |
// { kind: 'help', text } | { kind: 'error', error: CliError }; renderHelp(spec) -> string.
import { suggest } from '../errors/suggest.ts';

interface BaseOption {
  /** What the option means, in a few words: the help line. */
  describe: string;
  /** How the default reads in the help, when it is not a plain value (e.g. "one per core"). */
  defaultText?: string;
  /** One letter, for -x. */
  short?: string;
}

export interface StringOption extends BaseOption {
  type: 'string';
  /** The placeholder in the help: --config FILE. Default VALUE. */
  arg?: string;
  default?: string;
  /** Repeatable: the values come back as an array, empty when the option is not given. */
  multiple?: boolean;
  /** The only values allowed; anything else is an error with a did-you-mean. */
  choices?: readonly string[];
}

export interface BooleanOption extends BaseOption {
  /** A flag: true when given, false otherwise. */
  type: 'boolean';
}

export interface IntegerOption extends BaseOption {
  /** A whole number, parsed and checked against `min`. */
  type: 'integer';
  arg?: string;
  default?: number;
  min?: number;
}

export interface NumberOption extends BaseOption {
  /** A decimal number such as 0.45, checked against `min` and `max`. */
  type: 'number';
  arg?: string;
  default?: number;
  min?: number;
  max?: number;
}

export type OptionSpec = StringOption | BooleanOption | IntegerOption | NumberOption;

export interface PositionalSpec {
  /** As shown in the help and the errors: "title", "issue number". */
  name: string;
  describe: string;
  /** Missing it is an error. */
  required?: boolean;
  /** Takes any number of words (a headline, a title); otherwise at most one. */
  variadic?: boolean;
  /** Must be a whole number, at least `min` if given. */
  integer?: { min?: number };
  /** What an optional positional falls back to, for the help: "500". */
  defaultText?: string;
}

export interface CommandSpec {
  /** The npm script, e.g. "new" or "bench:cards": named in every error and in `npm run <name> -- --help`. */
  name: string;
  /** The usage line without "usage: ", e.g. 'npm run new -- "Essay title" [options]'. */
  usage: string;
  /** One or two sentences: what the command does. */
  summary: string;
  positional?: PositionalSpec;
  options: Readonly<Record<string, OptionSpec>>;
  /** Whole command lines, at least one. */
  examples: readonly string[];
  /** More sections after the examples, e.g. { title: 'exit codes', lines: ['0  success', …] }. */
  sections?: ReadonlyArray<{ title: string; lines: readonly string[] }>;
}

type ValueOf<O> = O extends { type: 'boolean' }
  ? boolean
  : O extends { type: 'integer' | 'number' }
    ? O extends { default: number }
      ? number
      : number | undefined
    : O extends { multiple: true }
      ? string[]
      : O extends { default: string }
        ? string
        : string | undefined;

export type CliValues<S extends CommandSpec> = { -readonly [K in keyof S['options']]: ValueOf<S['options'][K]> };

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

const placeholder = (o: OptionSpec) => (o.type === 'boolean' ? '' : ` ${o.arg ?? (o.type === 'string' ? 'VALUE' : 'N')}`);

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

const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`);

// Set by npm on every run (or by -s, --yes): never a sign of a swallowed option.
const NPM_OWN = new Set([
  'allow_scripts',
  'audit',
  'cache',
  'fund',
  'global_prefix',
  'globalconfig',
  'init_module',
  'local_prefix',
  'loglevel',
  'node_gyp',
  'nodedir',
  'noproxy',
  'npm_version',
  'omit_lockfile_registry_resolved',
  'prefix',
  'update_notifier',
  'user_agent',
  'userconfig',
  'yes',
]);

interface Swallowed {
  name: string;
  option: OptionSpec;
  /** What npm kept: the value, or "true" when it passed the value on as an argument (or for a flag). */
  value: string;
}

function swallowedOptions(spec: CommandSpec, env: Readonly<Record<string, string | undefined>>, given: ReadonlySet<string>): Swallowed[] {
  const settings = Object.entries(env).flatMap(([key, value]) => {
    const setting = key.startsWith('npm_config_') ? key.slice('npm_config_'.length) : undefined;
    return setting && value && !NPM_OWN.has(setting) ? [[setting, value] as const] : [];
  });
  const names = new Set(Object.keys(spec.options).map((name) => name.replace(/-/g, '_')));
  const found: Swallowed[] = [];
  for (const [name, option] of Object.entries(spec.options)) {
    if (given.has(name)) continue;
    const key = name.replace(/-/g, '_');
    // Exactly this option, else an npm setting it abbreviates (not another option of the command).
    const hit = settings.find(([setting]) => setting === key) ?? settings.find(([setting]) => setting.startsWith(key) && !names.has(setting));
    if (hit && (option.type !== 'boolean' || hit[1] === 'true')) found.push({ name, option, value: hit[1] });
  }
  return found;
}

function swallowedError(spec: CommandSpec, swallowed: readonly Swallowed[], positionals: readonly string[]): CliError {
  const rest = [...positionals];
  // npm passed the values it did not keep on as the last arguments; with one such option, that is its value.
  const passedOn = swallowed.filter((s) => s.option.type !== 'boolean' && s.value === 'true');
  const single = passedOn.length === 1 && rest.length > 0 ? rest.pop() : undefined;
  if (passedOn.length > 1) rest.splice(Math.max(0, rest.length - passedOn.length));
  const words = swallowed.map(({ name, option, value }) => {
    if (option.type === 'boolean') return `--${name}`;
    if (value !== 'true') return `--${name} ${quote(value)}`;
    return `--${name}${single !== undefined ? ` ${quote(single)}` : placeholder(option)}`;
  });
  const names = swallowed.map(({ name }) => `--${name}`).join(' and ');
  const them = swallowed.length === 1 ? 'it' : 'them';
  return new CliError(
    `${spec.name}: npm took ${names} as its own setting, so the script never saw ${them}; put -- before the options: npm run ${spec.name} -- ${[...rest.map(quote), ...words].join(' ')}`,
    `--${swallowed[0]!.name}`,
  );
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
    if (swallowed.length) return { kind: 'error', error: swallowedError(spec, swallowed, positionals) };
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
