// `npm run digest -- [--week 2026-W47 | --from 2026-11-16 --to 2026-11-22] [--per-topic 3] [--out DIR|FILE]`
// drafts the next newsletter issue from the news store and the essays published since the last one.
// Options: --store DIR (default content/news), --sources FILE (default content/sources.yaml, then
// content/sources.demo.yaml), --author ID (repeatable; default the previous issue's authors).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { draftIssueMdx } from '../src/lib/digest/draft.ts';
import { authorIds, readEssays, readIssues, readNewsItems, readTopicLabels, readWeights } from '../src/lib/digest/inputs-fs.ts';
import { DigestError, planIssue } from '../src/lib/digest/plan.ts';
import { selectStories } from '../src/lib/digest/select.ts';
import { dayWindow, previousWeek, weekWindow, type DigestWindow } from '../src/lib/digest/window.ts';

const USAGE = 'usage: npm run digest -- [--week 2026-W47 | --from YYYY-MM-DD --to YYYY-MM-DD] [--per-topic N] [--out DIR|FILE]';
const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

function windowFrom(values: { week?: string; from?: string; to?: string }): DigestWindow {
  if (values.week && (values.from || values.to)) fail(`give either --week or --from/--to, not both\n${USAGE}`, 2);
  if (values.week) return weekWindow(values.week);
  if (values.from || values.to) {
    if (!values.from || !values.to) fail(`--from and --to go together\n${USAGE}`, 2);
    return dayWindow(values.from, values.to);
  }
  const now = process.env.SUBSTATION_NOW ? new Date(process.env.SUBSTATION_NOW) : new Date();
  return previousWeek(now);
}

try {
  const { values } = parseArgs({
    options: {
      week: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'per-topic': { type: 'string', default: '3' },
      out: { type: 'string', default: 'content/issues' },
      store: { type: 'string', default: 'content/news' },
      sources: { type: 'string' },
      author: { type: 'string', multiple: true },
    },
  });
  const perTopic = Number(values['per-topic']);
  if (!Number.isInteger(perTopic) || perTopic < 1) fail(`--per-topic: expected a whole number from 1 up, received "${values['per-topic']}"`, 2);
  const window = windowFrom(values);
  const at = (path: string) => (isAbsolute(path) ? path : join(root, path));
  const out = relative(root, at(values.out));
  const issuesDir = at(/\.mdx?$/.test(out) ? dirname(out) : out);

  const known = authorIds(root);
  const unknown = (values.author ?? []).filter((id) => !known.includes(id));
  if (unknown.length) fail(`unknown author "${unknown[0]}". Allowed: ${known.join(', ')} (files in content/authors/)`, 2);

  const items = readNewsItems(root, at(values.store));
  const weights = readWeights(values.sources ? [at(values.sources)] : [at('content/sources.yaml'), at('content/sources.demo.yaml')]);
  const labels = readTopicLabels(root);
  const plan = planIssue({
    window,
    existing: readIssues(root, issuesDir),
    essays: readEssays(root),
    fallbackAuthors: known.slice(0, 1),
    ...(values.author ? { authors: values.author } : {}),
    out,
  });
  if (existsSync(at(plan.file))) fail(`${plan.file} already exists: the digest never overwrites an issue. Choose another --out, or delete the file.`);

  const sections = selectStories(items, { window, weights, topics: [...labels.keys()], perTopic });
  const mdx = draftIssueMdx({ number: plan.number, window, date: plan.date, authors: plan.authors, sections, essays: plan.essays, topicLabels: labels });
  mkdirSync(dirname(at(plan.file)), { recursive: true });
  writeFileSync(at(plan.file), mdx, { flag: 'wx' });

  const stories = sections.reduce((n, s) => n + s.stories.length, 0);
  const ms = Math.round(performance.now() - started);
  console.log(`✓ drafted issue ${plan.number} (${window.week}) in ${ms}ms: ${plural(stories, 'story', 'stories')} in ${plural(sections.length, 'topic')}, ${plural(plan.essays.length, 'new essay')}`);
  console.log(`  ${plan.file}: write the introduction and the takes marked {/* INTRO */} and {/* TAKE */}, then set draft: false`);
  if (!stories) console.log(`  no news between ${window.from.toISOString().slice(0, 10)} and ${window.to.toISOString().slice(0, 10)}: is the store up to date? (npm run ingest)`);
} catch (error) {
  if (error instanceof DigestError || error instanceof RangeError) fail(error.message, error instanceof RangeError ? 2 : 1);
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) fail(`${error.message}\n${USAGE}`, 2);
  throw error;
}
