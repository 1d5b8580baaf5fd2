// The way scripts/*.ts read their command line: parseCommandLine (./args.ts) on process.argv and
// process.env, then --help printed on stdout with exit 0, or the one-line error on stderr with exit
// 2. Everything else about the command line is in ./args.ts, which is pure and tested on its own.
import { parseCommandLine, type CliValues, type CommandSpec } from './args.ts';

export function readCommandLine<S extends CommandSpec>(
  spec: S,
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): { values: CliValues<S>; positionals: string[] } {
  const result = parseCommandLine(spec, argv, env);
  if (result.kind === 'help') {
    process.stdout.write(result.text);
    process.exit(0);
  }
  if (result.kind === 'error') {
    process.stderr.write(`${result.error.message}\n`);
    process.exit(result.error.exitCode);
  }
  return result;
}
