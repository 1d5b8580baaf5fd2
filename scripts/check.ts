// `npm run check`: validates every essay, issue, author, dataset and the taxonomy in well under a
// second, without a build, and prints one line per problem with the file, the field and the fix.
import { fileURLToPath } from 'node:url';
import { readContentFiles } from '../src/lib/content/content-fs.ts';
import { checkContent } from '../src/lib/content/validate.ts';
import { datasetProblems } from '../src/lib/data/check-fs.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const contentRoot = process.env.SUBSTATION_ROOT ?? root;
const report = checkContent(readContentFiles(contentRoot));
const data = datasetProblems(contentRoot);
const problems = [...report.problems, ...data.problems];
const ms = Math.round(performance.now() - started);

if (problems.length) {
  console.error(`✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in the content:`);
  for (const line of problems) console.error(`  ${line}`);
  process.exit(1);
}
const { essays, authors, topics, companies, issues = 0 } = report.counts;
console.log(`✓ checked ${essays} essays, ${authors} authors, ${topics} topics and ${companies} companies in ${ms}ms`);
console.log(`✓ checked ${issues} newsletter issue${issues === 1 ? '' : 's'} and ${data.count} dataset${data.count === 1 ? '' : 's'}`);
