// Companies as the site shows them: segments in taxonomy order, and everything a company page and
// its feed need (essays naming it, its latest stories, weekly coverage, related companies), worked
// out once per build for every company together rather than once per page.
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Company, Segment } from '../lib/schema/taxonomy.ts';
import { publishedEssays, type Essay } from './essays.ts';
import { allNews, COMPANY_NEWS_LIMIT } from './news.ts';
import { companyCounts, latestNewsByCompany } from '../lib/news-site/companies.ts';
import { groupStories, type Story } from '../lib/news-site/stories.ts';
import { coverageByCompany, coverageWindow, emptyCoverage, type CoverageWeek } from '../lib/companies/coverage.ts';
import { coMentions, relatedCompanies, type Related } from '../lib/companies/related.ts';

/** Weeks of coverage charted on a company page. */
export const COVERAGE_WEEKS = 26;

export async function segmentsInOrder(): Promise<Segment[]> {
  const listed = (parseYaml(readFileSync(join(process.cwd(), 'content/taxonomy.yaml'), 'utf8')) as { segments?: Array<{ id: string }> }).segments ?? [];
  const rank = new Map(listed.map((s, i) => [s.id, i]));
  const segments = (await getCollection('segments')).map((s) => s.data);
  return segments.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

export interface CompanyPage {
  company: Company;
  segment: Segment;
  essays: Essay[];
  /** The latest stories naming it, one per cluster, newest first. */
  news: Story[];
  /** Every story naming it in the store. */
  newsTotal: number;
  coverage: CoverageWeek[];
  related: Related<Company>;
}

let pages: Promise<CompanyPage[]> | undefined;

/** Every company's page data, in taxonomy order. Memoised for the build; dev recomputes per request. */
export function companyPages(): Promise<CompanyPage[]> {
  const make = async (): Promise<CompanyPage[]> => {
    const [entries, segments, essays, news] = await Promise.all([getCollection('companies'), segmentsInOrder(), publishedEssays(), allNews()]);
    const companies = entries.map((e) => e.data);
    const stories = groupStories(news);
    const latest = latestNewsByCompany(stories, COMPANY_NEWS_LIMIT);
    const totals = companyCounts([], stories);
    const window = coverageWindow(news, COVERAGE_WEEKS);
    const coverage = window ? coverageByCompany(stories, window) : new Map<string, CoverageWeek[]>();
    const mentions = coMentions([...stories, ...essays.map((e) => e.data)]);
    const segmentById = new Map(segments.map((s) => [s.id, s]));
    return companies.map((company) => ({
      company,
      segment: segmentById.get(company.segment) ?? { id: company.segment, label: company.segment },
      essays: essays.filter((e) => e.data.companies.includes(company.id)),
      news: latest.get(company.id) ?? [],
      newsTotal: totals.get(company.id)?.news ?? 0,
      coverage: coverage.get(company.id) ?? (window ? emptyCoverage(window) : []),
      related: relatedCompanies(company, companies, mentions),
    }));
  };
  if (import.meta.env.DEV) return make();
  return (pages ??= make());
}
