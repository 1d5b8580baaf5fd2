// `npm run check`: validates every essay and issue (frontmatter and body: MDX syntax, imports,
// components, every embed's props against its dataset), author, dataset and the taxonomy, without a
// build, and prints one line per problem with the file, the line, the field and the fix.
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { checkProject } from '../src/lib/content/check-fs.ts';

const COMMAND = {
  name: 'check',
  usage: 'npm run check -- [options]',
  summary:
    'Checks every essay and issue (frontmatter, MDX syntax, imports, components and each embed against its dataset), author, dataset and the taxonomy, drafts included, without a build.',
  options: {
    root: { type: 'string', arg: 'DIR', describe: 'the publication to check (or set SUBSTATION_ROOT)', defaultText: 'this repository' },
  },
  examples: ['npm run check', 'npm run check -- --root ../other-publication'],
} as const satisfies CommandSpec;

const { values } = readCommandLine(COMMAND);
const root = values.root ?? process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const report = checkProject(root);
const ms = Math.round(performance.now() - started);

for (const warning of report.warnings) console.warn(`! ${warning}`);
if (report.problems.length) {
  const n = report.problems.length;
  console.error(`✗ ${n} problem${n === 1 ? '' : 's'} in the content:`);
  for (const line of report.problems) console.error(`  ${line}`);
  process.exit(1);
}
const { essays, authors, topics, companies, issues = 0 } = report.counts;
console.log(`✓ checked ${essays} essays, ${authors} authors, ${topics} topics and ${companies} companies in ${ms}ms (frontmatter and bodies)`);
console.log(
  `✓ checked ${issues} newsletter issue${issues === 1 ? '' : 's'}, ${report.datasets} dataset${report.datasets === 1 ? '' : 's'} and ${report.news} news item${report.news === 1 ? '' : 's'}`,
);
