// An option npm swallowed, for ./args.ts: npm reads `--name value` written before `--` as its own setting. npm 11 sets
// npm_config_name=true for a name it does not know and passes `value` on as an argument (so
// `npm run new "Title" --author x` would write title-x.mdx); for a name it knows or can abbreviate
// (`--to` is short for its --token-description) it keeps the value, npm_config_token_description=x;
// older npm set npm_config_name=value. So when the script runs as this command's npm script
// (npm_lifecycle_event is `name`), an npm_config_ variable named by one of the command's options,
// or starting with it, that is not also on the command line, means the option was swallowed; the
// error rebuilds the command with the value put back beside its option where that is unambiguous.
import { placeholder, quote, type CommandSpec, type OptionSpec } from './spec.ts';

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

/** The options of `spec` npm kept as its own settings (npm_config_*), other than those on the command line. */
export function swallowedOptions(spec: CommandSpec, env: Readonly<Record<string, string | undefined>>, given: ReadonlySet<string>): Swallowed[] {
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

/** The one-line error for swallowed options, with the command rebuilt with `--` before them; `subject` is the first. */
export function swallowedMessage(spec: CommandSpec, swallowed: readonly Swallowed[], positionals: readonly string[]): { message: string; subject: string } {
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
  return {
    message: `${spec.name}: npm took ${names} as its own setting, so the script never saw ${them}; put -- before the options: npm run ${spec.name} -- ${[...rest.map(quote), ...words].join(' ')}`,
    subject: `--${swallowed[0]!.name}`,
  };
}
