// The option table every script's command line is written as (see ./args.ts for how it is used),
// and the two ways a word of it is printed in help and errors. Types and pure helpers only.

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

/** An option's value placeholder as the help and errors write it: " FILE", " N"; nothing for a flag. */
export const placeholder = (o: OptionSpec) => (o.type === 'boolean' ? '' : ` ${o.arg ?? (o.type === 'string' ? 'VALUE' : 'N')}`);

/** A word as a shell would need it typed: bare when safe, else in double quotes. */
export const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`);
