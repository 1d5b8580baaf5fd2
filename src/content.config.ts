// The content model. Schemas live in src/lib/schema (one per concept) and are shared with
// `npm run check` and the tests; here they are bound to Astro's content layer.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { checkTaxonomy } from './lib/content/validate.ts';
import { slugFromFile } from './lib/essays/slug.ts';
import { AuthorSchema } from './lib/schema/author.ts';
import { essaySchema } from './lib/schema/essay.ts';
import { issueNumberFromFile, issueSchema } from './lib/schema/issue.ts';
import { CompanySchema, SegmentSchema, TopicSchema } from './lib/schema/taxonomy.ts';
import { NewsItemSchema } from './lib/schema/news.ts';
import { devTolerant } from './site/dev-loader.ts';
import { newsLoader } from './site/news-loader.ts';
import { readNewsStore } from './lib/news/store-fs.ts';

const root = process.cwd();
// Only the ids the schemas need, as written even when an entry is invalid: one bad company profile
// is reported once, as its own problem, by the content check (build, dev server) and the companies
// collection, and every essay naming a company keeps knowing its id rather than calling it
// "unknown". Only YAML that does not parse leaves them empty.
const taxonomyFile = `${root}/content/taxonomy.yaml`;
const taxonomyIds = checkTaxonomy({ file: 'content/taxonomy.yaml', text: existsSync(taxonomyFile) ? readFileSync(taxonomyFile, 'utf8') : '' }).ids;
const list = (dir: string, pattern: RegExp) =>
  existsSync(`${root}/${dir}`)
    ? readdirSync(`${root}/${dir}`)
        .filter((n) => pattern.test(n))
        .map((n) => n.replace(pattern, ''))
    : [];
const datasets = list('content/data', /\.csv$/);
const authorIds = list('content/authors', /\.ya?ml$/);

const fromTaxonomy = (key: 'topics' | 'segments' | 'companies') => (text: string) =>
  (parseYaml(text) as Record<string, Array<Record<string, unknown>>>)[key] ?? [];

export const collections = {
  essays: defineCollection({
    loader: devTolerant(
      glob({
        pattern: '**/*.{md,mdx}',
        base: './content/essays',
        generateId: ({ entry }) => slugFromFile(entry),
      }),
    ),
    schema: essaySchema({
      topics: taxonomyIds.topics,
      companies: taxonomyIds.companies,
      authors: authorIds,
      datasets,
    }),
  }),
  // Newsletter issues; the id is the issue number ("3"), which is also the URL and the email file.
  issues: defineCollection({
    loader: devTolerant(
      glob({
        pattern: '*.mdx',
        base: './content/issues',
        generateId: ({ entry, data }) => String(typeof data.number === 'number' ? data.number : (issueNumberFromFile(entry) ?? entry)),
      }),
    ),
    schema: issueSchema({ authors: authorIds }),
  }),
  authors: defineCollection({
    loader: devTolerant(glob({ pattern: '*.{yaml,yml}', base: './content/authors' })),
    schema: AuthorSchema,
  }),
  topics: defineCollection({ loader: devTolerant(file('content/taxonomy.yaml', { parser: fromTaxonomy('topics') })), schema: TopicSchema }),
  segments: defineCollection({ loader: devTolerant(file('content/taxonomy.yaml', { parser: fromTaxonomy('segments') })), schema: SegmentSchema }),
  companies: defineCollection({ loader: devTolerant(file('content/taxonomy.yaml', { parser: fromTaxonomy('companies') })), schema: CompanySchema }),
  // The news wire: ingest's store, content/news/YYYY-MM.json; empty or absent is fine.
  news: defineCollection({ loader: devTolerant(newsLoader({ base: 'content/news', read: readNewsStore })), schema: NewsItemSchema }),
};
