// Cross-file checks over the whole publication: every essay and author against its schema and the
// taxonomy, and slugs unique. Pure: takes file contents, returns one line per problem.
import { basename, extname } from 'node:path';
import { LineCounter, parseDocument, parse as parseYaml, type Document } from 'yaml';
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

/** The 1-based line of the YAML node at `path`, or of its nearest parent that exists (a missing key points at its map). */
function yamlLine(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

export interface TaxonomyCheck {
  taxonomy?: Taxonomy;
  problems: string[];
  /** Topic and company ids as written, even when some entry is invalid, so one bad profile does not make every essay's ids "unknown". */
  ids: { topics: string[]; companies: string[] };
}

function idsOf(raw: unknown): TaxonomyCheck['ids'] {
  const list = (key: string) => {
    const entries = (raw as Record<string, unknown> | null)?.[key];
    return Array.isArray(entries) ? entries.map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string') : [];
  };
  return { topics: list('topics'), companies: list('companies') };
}

export function checkTaxonomy(taxonomy: SourceFile): TaxonomyCheck {
  const counter = new LineCounter();
  const doc = parseDocument(taxonomy.text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return { problems: [`${taxonomy.file}:${(e.linePos?.[0]?.line ?? 0) || 1}: ${e.message.split('\n')[0]}`], ids: { topics: [], companies: [] } };
  }
  // Every problem names the line of the field (or of the entry missing it), like the essay checks.
  const at = (path: ReadonlyArray<PropertyKey>, message: string) => {
    const line = yamlLine(doc, counter, path);
    return `${taxonomy.file}${line ? `:${line}` : ''}: ${path.length ? `${formatPath(path)}: ` : ''}${message}`;
  };
  const raw: unknown = doc.toJS();
  const parsed = TaxonomySchema.safeParse(raw);
  if (!parsed.success)
    return { problems: parsed.error.issues.map((issue) => at(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path, issue.message)), ids: idsOf(raw) };
  const t = parsed.data;
  const problems: string[] = [];
  const topicIds = t.topics.map((x) => x.id);
  const segmentIds = t.segments.map((x) => x.id);
  for (const [kind, key, ids] of [['topic', 'topics', topicIds], ['segment', 'segments', segmentIds], ['company', 'companies', t.companies.map((c) => c.id)]] as const) {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) problems.push(at([key, i, 'id'], `${kind} id "${id}" is defined twice: rename one (ids are URLs and frontmatter values)`));
    });
  }
  t.companies.forEach((c, i) => {
    if (!segmentIds.includes(c.segment)) problems.push(at(['companies', i, 'segment'], `unknown segment "${c.segment}" for ${c.id}. Allowed: ${segmentIds.join(', ')}`));
    c.topics.forEach((topic, j) => {
      if (!topicIds.includes(topic)) problems.push(at(['companies', i, 'topics', j], `unknown topic "${topic}" for ${c.id}. Allowed: ${topicIds.join(', ')}`));
    });
  });
  return { taxonomy: t, problems, ids: { topics: topicIds, companies: t.companies.map((c) => c.id) } };
}

/**
 * An essay named in another's text is a link, never an italic title a reader has to search for:
 * `*The Package Is the Product*` (or `_..._`) where that is a title of an essay in the publication.
 */
export function italicEssayTitles(sources: readonly SourceFile[], titles: ReadonlyMap<string, string>): string[] {
  if (titles.size === 0) return [];
  const problems: string[] = [];
  for (const source of sources) {
    const fence = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source.text);
    const start = fence ? fence[0].length : 0;
    for (const match of source.text.slice(start).matchAll(/(?<![*_\w])([*_])([^*_\n]+?)\1(?![*_\w])/g)) {
      const slug = titles.get(match[2]!.trim());
      if (!slug) continue;
      const line = source.text.slice(0, start + match.index).split('\n').length;
      problems.push(`${source.file}:${line}: ${match[0]} names an essay in italics: link it instead, as [${match[2]!.trim()}](/essays/${slug}/)`);
    }
  }
  return problems;
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
  const { taxonomy, problems, ids } = checkTaxonomy(files.taxonomy);
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
    topics: ids.topics,
    companies: ids.companies,
    authors: authorIds,
    ...(files.datasets ? { datasets: files.datasets } : {}),
  });
  const slugs = new Map<string, string>();
  const titles = new Map<string, string>();
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
    const title = (fm.data as { title?: unknown } | null)?.title;
    if (typeof title === 'string' && title.trim()) titles.set(title.trim(), slug);
    const parsed = schema.safeParse(fm.data);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      // An unknown field has no path of its own: point at the key itself.
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      // A required field that is absent has no line: the issue names the key that made it required.
      const at = issue.code === 'custom' && typeof issue.params?.['line'] === 'string' && !(String(path[0]) in fm.lines) ? issue.params['line'] : String(path[0] ?? '');
      const line = fm.lines[at];
      problems.push(`${essay.file}${line ? `:${line}` : ''}: ${formatPath(path)}: ${issue.message}`);
    }
  }
  problems.push(...italicEssayTitles([...files.essays, ...(files.issues ?? [])], titles));
  if (files.issues) problems.push(...checkIssues(files.issues, authorIds));
  if (files.bodies) {
    const env: BodyEnv = { ...files.bodies, topics: ids.topics, companies: ids.companies };
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
