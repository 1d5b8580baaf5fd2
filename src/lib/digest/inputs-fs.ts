// Reads what the digest needs from disk: the news store, source weights, topic labels, essays and
// the issues already written. Everything else in src/lib/digest is pure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { slugFromFile } from '../essays/slug.ts';
import { readNewsStore } from '../news/store-fs.ts';
import { SHARD_FILE } from '../news/store.ts';
import type { NewsItem } from '../schema/news.ts';
import { DigestError, type ExistingIssue } from './plan.ts';

type Row = Record<string, unknown>;

const listFiles = (dir: string, pattern: RegExp) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => pattern.test(n))
        .sort()
    : [];

/** Every item in the store's monthly shards (content/news/YYYY-MM.json), through ingest's reader. */
export function readNewsItems(root: string, dir: string): NewsItem[] {
  if (!listFiles(dir, SHARD_FILE).length)
    throw new DigestError(
      `no news store in ${relative(root, dir) || dir}: run \`npm run ingest\` first (or \`npm run ingest -- --config content/sources.demo.yaml\` for the demo feeds), or point --store at a folder of YYYY-MM.json files.`,
    );
  try {
    return readNewsStore(dir);
  } catch (error) {
    throw new DigestError(`${(error as Error).message}\nRe-run \`npm run ingest\` to rewrite the store.`);
  }
}

/** Source id -> weight, from the given configs in order (the first that defines a source wins). */
export function readWeights(files: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const file of files.filter((f) => existsSync(f))) {
    const sources = ((parseYaml(readFileSync(file, 'utf8')) as Row | null)?.sources ?? []) as Row[];
    for (const source of sources) {
      if (typeof source.id === 'string' && !weights.has(source.id)) weights.set(source.id, typeof source.weight === 'number' ? source.weight : 1);
    }
  }
  return weights;
}

/** Topic ids in taxonomy order, with their labels. */
export function readTopicLabels(root: string): Map<string, string> {
  const taxonomy = parseYaml(readFileSync(join(root, 'content/taxonomy.yaml'), 'utf8')) as { topics?: Row[] };
  return new Map((taxonomy.topics ?? []).map((t) => [String(t.id), String(t.label ?? t.id)]));
}

function frontmatterOf(file: string): Row {
  const fm = splitFrontmatter(readFileSync(file, 'utf8'));
  if (fm.errors.length || typeof fm.data !== 'object' || fm.data === null)
    throw new DigestError(`${file}: ${fm.errors[0] ?? 'no frontmatter'}. Run \`npm run check\` for details.`);
  return fm.data as Row;
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

export function readEssays(root: string) {
  const dir = join(root, 'content/essays');
  return listFiles(dir, /\.mdx?$/).map((name) => {
    const data = frontmatterOf(join(dir, name));
    return { slug: slugFromFile(name), title: String(data.title ?? name), dek: String(data.dek ?? ''), date: asDate(data.date), draft: data.draft === true };
  });
}

export function readIssues(root: string, dir: string): ExistingIssue[] {
  return listFiles(dir, /\.mdx?$/).map((name) => {
    const data = frontmatterOf(join(dir, name));
    const authors = Array.isArray(data.authors) ? data.authors.map(String) : [];
    const file = relative(root, join(dir, name));
    // The next issue is numbered from these: a missing number would make it NaN.
    if (!Number.isInteger(data.number) || (data.number as number) < 1)
      throw new DigestError(
        `${file}: number: expected a whole number from 1 up, received ${JSON.stringify(data.number ?? null)}. Run \`npm run check\` for details.`,
      );
    return { file, number: data.number as number, week: String(data.week), date: asDate(data.date), authors };
  });
}

export function authorIds(root: string): string[] {
  return listFiles(join(root, 'content/authors'), /\.ya?ml$/).map((n) => n.replace(/\.ya?ml$/, ''));
}
