// Cross-file checks over the whole publication: every essay and author against its schema and the
// taxonomy, and slugs unique. Pure: takes file contents, returns one line per problem.
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatIssues, formatPath } from '../errors/format-issues.ts';
import { AuthorSchema } from '../schema/author.ts';
import { essaySchema } from '../schema/essay.ts';
import { TaxonomySchema, type Taxonomy } from '../schema/taxonomy.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { slugFromFile } from '../essays/slug.ts';
import { checkIssues } from './validate-issues.ts';
import type { SourceFile } from './source-file.ts';
import { checkBody, type BodyEnv } from './check-body.ts';


export interface ContentFiles {
  taxonomy: SourceFile;
  authors: SourceFile[];
  essays: SourceFile[];
  datasets?: string[];
  /** Newsletter issues, content/issues/*.mdx; checked when given. */
  issues?: SourceFile[];
  /** Datasets and files for checking essay and issue bodies; bodies are checked when given. */
  bodies?: Omit<BodyEnv, 'topics' | 'companies'>;
}

export interface ContentReport {
  problems: string[];
  taxonomy?: Taxonomy;
  counts: { essays: number; authors: number; topics: number; companies: number; issues?: number };
}

export function checkTaxonomy(taxonomy: SourceFile): { taxonomy?: Taxonomy; problems: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(taxonomy.text);
  } catch (error) {
    return { problems: [`${taxonomy.file}: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = TaxonomySchema.safeParse(raw);
  if (!parsed.success) return { problems: formatIssues(parsed.error.issues, { file: taxonomy.file }) };
  const t = parsed.data;
  const problems: string[] = [];
  const topicIds = t.topics.map((x) => x.id);
  const segmentIds = t.segments.map((x) => x.id);
  for (const [kind, ids] of [['topic', topicIds], ['segment', segmentIds], ['company', t.companies.map((c) => c.id)]] as const) {
    for (const dup of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`${taxonomy.file}: ${kind} id "${dup}" is defined twice`);
  }
  t.companies.forEach((c, i) => {
    if (!segmentIds.includes(c.segment))
      problems.push(`${taxonomy.file}: companies[${i}].segment: unknown segment "${c.segment}" for ${c.id}. Allowed: ${segmentIds.join(', ')}`);
    c.topics.forEach((topic, j) => {
      if (!topicIds.includes(topic))
        problems.push(`${taxonomy.file}: companies[${i}].topics[${j}]: unknown topic "${topic}" for ${c.id}. Allowed: ${topicIds.join(', ')}`);
    });
  });
  return { taxonomy: t, problems };
}

/** Problems grouped by file (frontmatter and body together), files in the order first named. */
function byFile(problems: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const p of problems) {
    const file = p.slice(0, p.search(/[:\s]|$/));
    groups.set(file, [...(groups.get(file) ?? []), p]);
  }
  return [...groups.values()].flat();
}

export function checkContent(files: ContentFiles): ContentReport {
  const { taxonomy, problems } = checkTaxonomy(files.taxonomy);
  const authorIds = files.authors.map((a) => basename(a.file, extname(a.file)));
  for (const author of files.authors) {
    let raw: unknown;
    try {
      raw = parseYaml(author.text);
    } catch (error) {
      problems.push(`${author.file}: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const parsed = AuthorSchema.safeParse(raw);
    if (!parsed.success) problems.push(...formatIssues(parsed.error.issues, { file: author.file }));
  }
  const schema = essaySchema({
    topics: taxonomy?.topics.map((t) => t.id) ?? [],
    companies: taxonomy?.companies.map((c) => c.id) ?? [],
    authors: authorIds,
    ...(files.datasets ? { datasets: files.datasets } : {}),
  });
  const slugs = new Map<string, string>();
  for (const essay of files.essays) {
    const slug = slugFromFile(essay.file);
    const first = slugs.get(slug);
    if (first) problems.push(`${essay.file}: duplicate slug "${slug}": ${first} already uses it. Rename one of the files.`);
    else slugs.set(slug, essay.file);
    const fm = splitFrontmatter(essay.text);
    if (fm.errors.length) {
      problems.push(...fm.errors.map((e) => `${essay.file}:${e}`));
      continue;
    }
    const parsed = schema.safeParse(fm.data);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      // An unknown field has no path of its own: point at the key itself.
      const path = issue.code === 'unrecognized_keys' ? [issue.keys[0] ?? ''] : issue.path;
      const line = fm.lines[String(path[0] ?? '')];
      problems.push(`${essay.file}${line ? `:${line}` : ''}: ${formatPath(path)}: ${issue.message}`);
    }
  }
  if (files.issues) problems.push(...checkIssues(files.issues, authorIds));
  if (files.bodies) {
    const env: BodyEnv = { ...files.bodies, topics: taxonomy?.topics.map((t) => t.id) ?? [], companies: taxonomy?.companies.map((c) => c.id) ?? [] };
    for (const source of [...files.essays, ...(files.issues ?? [])]) problems.push(...checkBody(source.file, source.text, env));
  }
  return {
    problems: byFile(problems),
    ...(taxonomy ? { taxonomy } : {}),
    counts: {
      essays: files.essays.length,
      authors: files.authors.length,
      topics: taxonomy?.topics.length ?? 0,
      companies: taxonomy?.companies.length ?? 0,
      ...(files.issues ? { issues: files.issues.length } : {}),
    },
  };
}
