import { describe, expect, expectTypeOf, it } from 'vitest';
import { CliError, parseCommandLine, renderHelp, type CommandSpec } from '../../../src/lib/cli/args.ts';

const NEW = {
  name: 'new',
  usage: 'npm run new -- "Essay title" [options]',
  summary: 'Writes a draft essay.',
  positional: { name: 'title', describe: 'the essay title', required: true, variadic: true },
  options: {
    author: { type: 'string', arg: 'ID', describe: 'who writes it', defaultText: 'the first author' },
    topic: { type: 'string', arg: 'ID', default: 'chips', describe: 'its topic' },
    tag: { type: 'string', arg: 'TAG', multiple: true, describe: 'a free tag; repeat for more' },
    split: { type: 'string', choices: ['dev', 'test', 'all'], default: 'dev', describe: 'which rows' },
    count: { type: 'integer', min: 1, default: 3, describe: 'how many' },
    limit: { type: 'integer', describe: 'at most' },
    threshold: { type: 'number', min: 0, max: 1, describe: 'the bar' },
    'dry-run': { type: 'boolean', describe: 'write nothing' },
  },
  examples: ['npm run new -- "Power Is the New Silicon" --author mara-okafor'],
} as const satisfies CommandSpec;

const parse = (argv: string[], env: Record<string, string> = {}) => parseCommandLine(NEW, argv, env);
const error = (argv: string[], env: Record<string, string> = {}) => {
  const result = parse(argv, env);
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  expect(result.error).toBeInstanceOf(CliError);
  expect(result.error.exitCode).toBe(2);
  expect(result.error.message).not.toContain('\n');
  return result.error;
};

describe('parseCommandLine', () => {
  it('returns typed values with defaults, repeated options and positionals', () => {
    const result = parse(['Power', 'Is', '--author', 'mara', '--tag', 'a', '--tag=b', '--count', '5', '--dry-run', 'Silicon']);
    expect(result).toEqual({
      kind: 'run',
      positionals: ['Power', 'Is', 'Silicon'],
      values: { author: 'mara', topic: 'chips', tag: ['a', 'b'], split: 'dev', count: 5, limit: undefined, threshold: undefined, 'dry-run': true },
    });
    if (result.kind === 'run') {
      expectTypeOf(result.values.author).toEqualTypeOf<string | undefined>();
      expectTypeOf(result.values.topic).toEqualTypeOf<string>();
      expectTypeOf(result.values.tag).toEqualTypeOf<string[]>();
      expectTypeOf(result.values.count).toEqualTypeOf<number>();
      expectTypeOf(result.values.limit).toEqualTypeOf<number | undefined>();
      expectTypeOf(result.values.threshold).toEqualTypeOf<number | undefined>();
      expectTypeOf(result.values['dry-run']).toEqualTypeOf<boolean>();
    }
  });

  it('takes everything after -- as positionals, even what looks like an option', () => {
    expect(parse(['--', '--author', 'x'])).toMatchObject({ kind: 'run', positionals: ['--author', 'x'], values: { author: undefined } });
  });

  it('names an unknown option on one line, with a did-you-mean and the help command', () => {
    expect(error(['T', '--autor', 'x']).message).toBe('new: unknown option --autor; did you mean --author? Run npm run new -- --help');
    expect(error(['T', '--autor=x']).subject).toBe('--autor');
    expect(error(['T', '--frobnicate']).message).toBe('new: unknown option --frobnicate. Run npm run new -- --help');
    expect(error(['T', '-x']).message).toBe('new: unknown option -x. Run npm run new -- --help');
    expect(error(['T', '-author', 'x']).message).toBe('new: unknown option -author; did you mean --author? Run npm run new -- --help');
  });

  it('names an option missing its value, also when the next word is another option', () => {
    expect(error(['T', '--author']).message).toBe('new: --author needs a value (--author ID). Run npm run new -- --help');
    expect(error(['T', '--author', '--topic', 'energy']).subject).toBe('--author');
    expect(error(['T', '--dry-run=yes']).message).toBe('new: --dry-run takes no value, received "yes". Run npm run new -- --help');
  });

  it('checks whole numbers, decimals and choices', () => {
    expect(parse(['T', '--threshold', '0.45'])).toMatchObject({ kind: 'run', values: { threshold: 0.45 } });
    expect(parse(['T', '--threshold=.5'])).toMatchObject({ kind: 'run', values: { threshold: 0.5 } });
    expect(error(['T', '--threshold', '1.5']).message).toBe('new: --threshold expects a number from 0 to 1, received "1.5". Run npm run new -- --help');
    expect(error(['T', '--threshold', '0.4x']).subject).toBe('--threshold');
    expect(error(['T', '--count', 'many']).message).toBe('new: --count expects a whole number from 1 up, received "many". Run npm run new -- --help');
    expect(error(['T', '--count', '0']).subject).toBe('--count');
    expect(error(['T', '--count', '2.5']).subject).toBe('--count');
    expect(parse(['T', '--limit', '-1'])).toMatchObject({ kind: 'run', values: { limit: -1 } });
    expect(error(['T', '--split', 'tset']).message).toBe(
      'new: --split must be one of dev, test, all, received "tset"; did you mean test? Run npm run new -- --help',
    );
  });

  it('requires the positional when told to, and refuses one a command does not take', () => {
    expect(error([]).message).toBe('new: missing the title; usage: npm run new -- "Essay title" [options]. Run npm run new -- --help');
    const bare = { ...NEW, positional: undefined, name: 'digest' } satisfies CommandSpec;
    const result = parseCommandLine(bare, ['2026-W47']);
    expect(result.kind === 'error' && result.error.message).toBe(
      'digest: unexpected argument 2026-W47: this command takes only options. Run npm run digest -- --help',
    );
    const one = { ...NEW, positional: { name: 'issue number', describe: 'n', integer: { min: 1 }, defaultText: '1' } } satisfies CommandSpec;
    expect(renderHelp(one)).toMatch(/^ {2}issue number +n \(default: 1\)$/m);
    expect(parseCommandLine(one, ['7'])).toMatchObject({ kind: 'run', positionals: ['7'] });
    const two = parseCommandLine(one, ['7', '8']);
    expect(two.kind === 'error' && two.error.message).toBe('new: expected one issue number, received 2: 7 8. Run npm run new -- --help');
    const word = parseCommandLine(one, ['seven']);
    expect(word.kind === 'error' && word.error.message).toBe(
      'new: the issue number must be a whole number from 1 up, received seven. Run npm run new -- --help',
    );
  });

  it('gives the help for --help or -h, even beside a mistake, but not after --', () => {
    expect(parse(['--autor', 'x', '--help'])).toEqual({ kind: 'help', text: renderHelp(NEW) });
    expect(parse(['-h']).kind).toBe('help');
    expect(parse(['T', '--', '--help'])).toMatchObject({ kind: 'run', positionals: ['T', '--help'] });
  });
});

describe('options npm swallowed', () => {
  const npm = { npm_lifecycle_event: 'new', npm_config_author: 'x' };

  it('detects `npm run new "Title" --author x` and says what to type instead', () => {
    const e = error(['Power Is the New Silicon'], npm);
    expect(e.message).toBe(
      'new: npm took --author as its own setting, so the script never saw it; put -- before the options: npm run new -- "Power Is the New Silicon" --author x',
    );
    expect(e.subject).toBe('--author');
  });

  it('maps dashes to underscores, and shows flags without a value', () => {
    const e = error(['T'], { npm_lifecycle_event: 'new', npm_config_dry_run: 'true', npm_config_topic: 'energy' });
    expect(e.message).toBe(
      'new: npm took --topic and --dry-run as its own setting, so the script never saw them; put -- before the options: npm run new -- T --topic energy --dry-run',
    );
  });

  it('puts back the value npm 11 passed on as an argument, when one option lost it', () => {
    // npm 11: `npm run new "Power Is the New Silicon" --author x` runs `new.ts "Power Is the New Silicon" x`, npm_config_author=true.
    const e = error(['Power Is the New Silicon', 'x'], { npm_lifecycle_event: 'new', npm_config_author: 'true' });
    expect(e.message).toBe(
      'new: npm took --author as its own setting, so the script never saw it; put -- before the options: npm run new -- "Power Is the New Silicon" --author x',
    );
    // Two values passed on: which is which is unknown, so the command shows placeholders for them.
    const two = error(['T', 'x', 'energy'], { npm_lifecycle_event: 'new', npm_config_author: 'true', npm_config_topic: 'true' });
    expect(two.message).toBe(
      'new: npm took --author and --topic as its own setting, so the script never saw them; put -- before the options: npm run new -- T --author ID --topic ID',
    );
  });

  it('catches an option npm read as an abbreviation of its own setting (--to for --token-description)', () => {
    const send = {
      name: 'send',
      usage: 'npm run send -- N --to A',
      summary: 's',
      positional: { name: 'n', describe: 'n' },
      options: { to: { type: 'string', multiple: true, describe: 'who' }, dist: { type: 'string', describe: 'd' } },
      examples: ['npm run send -- 1 --to a@example.com'],
    } as const satisfies CommandSpec;
    const result = parseCommandLine(send, ['7'], { npm_lifecycle_event: 'send', npm_config_token_description: 'reader@example.com' });
    expect(result.kind === 'error' && result.error.message).toBe(
      'send: npm took --to as its own setting, so the script never saw it; put -- before the options: npm run send -- 7 --to reader@example.com',
    );
    // But not an option of the command that starts like another: --dist is not an abbreviation of --distance.
    const both = { ...send, options: { ...send.options, distance: { type: 'string', describe: 'd' } } } satisfies CommandSpec;
    const only = parseCommandLine(both, ['7'], { npm_lifecycle_event: 'send', npm_config_distance: 'far' });
    expect(only.kind === 'error' && only.error.message).toBe(
      'send: npm took --distance as its own setting, so the script never saw it; put -- before the options: npm run send -- 7 --distance far',
    );
  });

  it('only for this command run through npm, and not for an option also on the command line', () => {
    expect(parse(['T'], { npm_config_author: 'x' }).kind).toBe('run');
    expect(parse(['T'], { npm_lifecycle_event: 'test', npm_config_author: 'x' }).kind).toBe('run');
    expect(parse(['T', '--author', 'y'], npm)).toMatchObject({ kind: 'run', values: { author: 'y' } });
    // npm's own settings that are not options of the command are left alone.
    expect(parse(['T'], { npm_lifecycle_event: 'new', npm_config_cache: '/home/x/.npm', npm_config_user_agent: 'npm/11', npm_config_audit: '' }).kind).toBe(
      'run',
    );
    // A flag npm holds as false was not given.
    expect(parse(['T'], { npm_lifecycle_event: 'new', npm_config_dry_run: 'false' }).kind).toBe('run');
  });
});

describe('renderHelp', () => {
  const text = renderHelp(NEW);

  it('lists every option with its placeholder, meaning and default, then -h, --help', () => {
    expect(text).toMatch(/^usage: npm run new -- "Essay title" \[options\]\n\nWrites a draft essay\.\n/);
    expect(text).toMatch(/^ {2}title +the essay title$/m);
    expect(text).toMatch(/^ {2}--author ID +who writes it \(default: the first author\)$/m);
    expect(text).toMatch(/^ {2}--topic ID +its topic \(default: chips\)$/m);
    expect(text).toMatch(/^ {2}--tag TAG +a free tag; repeat for more \(default: none\)$/m);
    expect(text).toMatch(/^ {2}--count N +how many \(default: 3\)$/m);
    expect(text).toMatch(/^ {2}--dry-run +write nothing \(default: off\)$/m);
    expect(text).toMatch(/^ {2}-h, --help +print this help and exit$/m);
    expect(text).toMatch(/\nexamples:\n {2}npm run new -- "Power Is the New Silicon" --author mara-okafor\n$/);
  });

  it('aligns the meanings in one column and adds extra sections', () => {
    const help = renderHelp({ ...NEW, sections: [{ title: 'exit codes', lines: ['0  ok', '2  bad command line'] }] });
    const columns = help
      .split('\n')
      .filter((l) => /^ {2}-/.test(l))
      .map((l) => l.search(/(?<=\S {2,})\S/));
    expect(new Set(columns).size).toBe(1);
    expect(help).toMatch(/\n\nexit codes:\n {2}0 {2}ok\n {2}2 {2}bad command line\n$/);
  });
});
