// One representative URL per page type of the built site, read from dist/ so the tests follow
// the sample content rather than hard-coding slugs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './site.ts';

function firstDir(dist: string, dir: string): string | undefined {
  const abs = join(dist, dir);
  if (!existsSync(abs)) return undefined;
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(abs, e.name, 'index.html')) && !/^\d+$/.test(e.name) === !dir.startsWith('issues'))
    .map((e) => e.name)
    .sort()[0];
}

export interface PageType {
  kind: string;
  path: string;
}

/** Every page type `pageTypes` looks for; a build has at most these. */
export const PAGE_KINDS = [
  'home',
  'essay',
  'archive',
  'topic',
  'topics',
  'author',
  'tag',
  'about',
  'companies',
  'company',
  'news',
  'issues',
  'issue',
  'data',
  'search',
  '404',
] as const;

/**
 * At most how many essays a build publishes: the essay sources in content/essays (drafts and
 * scheduled essays are not published, so a build has this many or fewer). Known before the build,
 * so a test that visits every essay can size its timeout when it is declared.
 */
export function essayCountBound(root = repoRoot): number {
  const count = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? 1 : 0), 0);
  return count(join(root, 'content/essays'));
}

/** Page types that exist in this build, one URL each. */
export function pageTypes(dist: string): PageType[] {
  // The essay with the most charts: the heaviest page type is the one worth auditing.
  const charts = (slug: string) => (readFileSync(join(dist, 'essays', slug, 'index.html'), 'utf8').match(/<figure/g) ?? []).length;
  const essay = readdirSync(join(dist, 'essays'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => charts(b) - charts(a) || a.localeCompare(b))[0];
  const company = existsSync(join(dist, 'companies/tsmc/index.html')) ? 'tsmc' : firstDir(dist, 'companies');
  const issue = existsSync(join(dist, 'issues'))
    ? readdirSync(join(dist, 'issues'))
        .filter((n) => /^\d+$/.test(n))
        .sort()[0]
    : undefined;
  type Kind = (typeof PAGE_KINDS)[number];
  const candidates: Array<[Kind, string | undefined]> = [
    ['home', '/'],
    ['essay', essay && `/essays/${essay}/`],
    ['archive', '/archive/'],
    ['topic', '/topics/chips/'],
    ['topics', '/topics/'],
    ['author', firstDir(dist, 'authors') && `/authors/${firstDir(dist, 'authors')}/`],
    ['tag', firstDir(dist, 'tags') && `/tags/${firstDir(dist, 'tags')}/`],
    ['about', '/about/'],
    ['companies', '/companies/'],
    ['company', company && `/companies/${company}/`],
    ['news', '/news/'],
    ['issues', '/issues/'],
    ['issue', issue && `/issues/${issue}/`],
    ['data', '/data/'],
    ['search', '/search/'],
    ['404', '/404.html'],
  ];
  return candidates
    .filter((c): c is [Kind, string] => !!c[1] && existsSync(join(dist, c[1].endsWith('/') ? `${c[1]}index.html` : c[1])))
    .map(([kind, path]) => ({ kind, path }));
}
