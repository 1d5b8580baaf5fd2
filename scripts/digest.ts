// `npm run digest -- [--week 2026-W47 | --from 2026-11-16 --to 2026-11-22] [--per-topic 3] [--out DIR|FILE]`
// drafts the next newsletter issue from the news store and the essays published since the last one.
// The options are in COMMAND below, which is also the --help text. The issue is numbered after the
// issues in content/issues, wherever --out puts it. The clock is SUBSTATION_NOW if set (for the
// default week and the warning that a week has not ended yet), else the system's.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { draftIssueMdx } from '../src/lib/digest/draft.ts';
import { authorIds, readEssays, readIssues, readNewsItems, readTopicLabels, readWeights } from '../src/lib/digest/inputs-fs.ts';
import { DigestError, planIssue } from '../src/lib/digest/plan.ts';
import { selectStories } from '../src/lib/digest/select.ts';
import { dayWindow, previousWeek, unfinishedWindowWarning, weekWindow, type DigestWindow } from '../src/lib/digest/window.ts';

const COMMAND = {
  name: 'digest',
  usage: 'npm run digest -- [--week 2026-W47 | --from YYYY-MM-DD --to YYYY-MM-DD] [--per-topic N] [--out DIR|FILE]',
  summary:
    'Drafts the next newsletter issue from the news store and the essays published since the last issue, numbered after the issues in content/issues. Never overwrites an issue.',
  options: {
    week: { type: 'string', arg: 'WEEK', describe: 'the ISO week to cover, Monday to Sunday in UTC, such as 2026-W47', defaultText: 'the last complete week' },
    from: { type: 'string', arg: 'DAY', describe: 'the first day to cover, YYYY-MM-DD; with --to instead of --week' },
    to: { type: 'string', arg: 'DAY', describe: 'the last day to cover, YYYY-MM-DD, included' },
    'per-topic': { type: 'integer', arg: 'N', min: 1, default: 3, describe: 'at most N stories under each topic' },
    out: { type: 'string', arg: 'DIR|FILE', default: 'content/issues', describe: 'the folder to write <number>-<week>.mdx into, or the .mdx file' },
    store: { type: 'string', arg: 'DIR', default: 'content/news', describe: 'the news store to read' },
    sources: {
      type: 'string',
      arg: 'FILE',
      describe: 'the sources file, for the weight of each source',
      defaultText: 'content/sources.yaml, then content/sources.demo.yaml',
    },
    author: {
      type: 'string',
      arg: 'ID',
      multiple: true,
      describe: 'who signs the issue, a file name in content/authors/; repeat for more',
      defaultText: "the previous issue's authors",
    },
  },
  examples: ['npm run digest', 'npm run digest -- --week 2026-W48 --per-topic 4', 'npm run digest -- --from 2026-11-23 --to 2026-11-29 --out drafts/'],
} as const satisfies CommandSpec;
const USAGE = `usage: ${COMMAND.usage}`;
const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

function windowFrom(values: { week?: string | undefined; from?: string | undefined; to?: string | undefined }, now: Date): DigestWindow {
  if (values.week && (values.from || values.to)) fail(`give either --week or --from/--to, not both\n${USAGE}`, 2);
  if (values.week) return weekWindow(values.week);
  if (values.from || values.to) {
    if (!values.from || !values.to) fail(`--from and --to go together\n${USAGE}`, 2);
    return dayWindow(values.from, values.to);
  }
  return previousWeek(now);
}

const { values } = readCommandLine(COMMAND);
// One clock reading for the run: the default week and the warning agree.
const now = process.env.SUBSTATION_NOW ? new Date(process.env.SUBSTATION_NOW) : new Date();
if (Number.isNaN(now.getTime())) fail(`SUBSTATION_NOW: expected an ISO time such as 2026-11-23T09:00:00Z, received "${process.env.SUBSTATION_NOW}"`, 2);

try {
  const perTopic = values['per-topic'];
  const window = windowFrom(values, now);
  const at = (path: string) => (isAbsolute(path) ? path : join(root, path));
  const out = relative(root, at(values.out));

  const known = authorIds(root);
  const unknown = values.author.filter((id) => !known.includes(id));
  if (unknown.length) fail(`unknown author "${unknown[0]}". Allowed: ${known.join(', ')} (files in content/authors/)`, 2);

  const items = readNewsItems(root, at(values.store));
  const weights = readWeights(values.sources ? [at(values.sources)] : [at('content/sources.yaml'), at('content/sources.demo.yaml')]);
  const labels = readTopicLabels(root);
  const plan = planIssue({
    window,
    // The issue store, not --out: a draft written elsewhere still takes the next number.
    existing: readIssues(root, at('content/issues')),
    essays: readEssays(root),
    fallbackAuthors: known.slice(0, 1),
    ...(values.author.length ? { authors: values.author } : {}),
    out,
  });
  if (existsSync(at(plan.file))) fail(`${plan.file} already exists: the digest never overwrites an issue. Choose another --out, or delete the file.`);

  const sections = selectStories(items, { window, weights, topics: [...labels.keys()], perTopic });
  const mdx = draftIssueMdx({ number: plan.number, window, date: plan.date, authors: plan.authors, sections, essays: plan.essays, topicLabels: labels });
  mkdirSync(dirname(at(plan.file)), { recursive: true });
  writeFileSync(at(plan.file), mdx, { flag: 'wx' });

  const stories = sections.reduce((n, s) => n + s.stories.length, 0);
  const ms = Math.round(performance.now() - started);
  console.log(
    `✓ drafted issue ${plan.number} (${window.week}) in ${ms}ms: ${plural(stories, 'story', 'stories')} in ${plural(sections.length, 'topic')}, ${plural(plan.essays.length, 'new essay')}`,
  );
  console.log(`  ${plan.file}: write the introduction and the takes marked {/* INTRO */} and {/* TAKE */}, then set draft: false`);
  if (!stories)
    console.log(
      `  no news between ${window.from.toISOString().slice(0, 10)} and ${window.to.toISOString().slice(0, 10)}: is the store up to date? (npm run ingest)`,
    );
  const warning = unfinishedWindowWarning(window, now);
  if (warning) console.error(warning);
} catch (error) {
  if (error instanceof DigestError || error instanceof RangeError) fail(error.message, error instanceof RangeError ? 2 : 1);
  throw error;
}
