// Social card inputs for each page type, and one renderer (fonts loaded once, disk cache) per build.
import { getCollection } from 'astro:content';
import { authorsById, topicsById, type Essay } from './essays.ts';
import type { PublishedIssue } from './issues.ts';
import { readDataset } from '../lib/data/dataset-fs.ts';
import { firstNumericSeries, type CardChart } from '../lib/cards/chart.ts';
import { createCardRenderer, type CardRenderer } from '../lib/cards/renderer-fs.ts';
import type { CardInput } from '../lib/cards/template.ts';
import { SITE, formatDate } from '../lib/site.ts';

let renderer: CardRenderer | undefined;

export async function cardResponse(input: CardInput, name: string): Promise<Response> {
  renderer ??= createCardRenderer();
  const png = await renderer.render(input, name);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}

const byline = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));
const host = (site: URL | undefined) => (site ? site.host : '');

/** The hero dataset's first numeric column, for the small chart on an essay's card. */
function heroChart(name: string | undefined): CardChart | undefined {
  if (!name) return undefined;
  const dataset = readDataset(name);
  const values = firstNumericSeries(dataset.columns, dataset.rows);
  return values && values.length > 1 ? { label: dataset.meta.title, values } : undefined;
}

export async function essayCard(essay: Essay): Promise<CardInput> {
  const [authors, topics] = await Promise.all([authorsById(), topicsById()]);
  const { title, dek, date, hero } = essay.data;
  return {
    kicker: essay.data.topics.map((id) => topics.get(id)?.label ?? id),
    title,
    dek,
    byline: byline(essay.data.authors.map((id) => authors.get(id)?.name ?? id)),
    date: formatDate(date),
    chart: heroChart(hero),
  };
}

export async function topicCard(id: string, site: URL | undefined): Promise<CardInput> {
  const topic = (await getCollection('topics')).find((t) => t.id === id);
  return {
    kicker: ['Topic'],
    title: topic?.data.label ?? id,
    dek: topic?.data.description,
    footer: `${host(site)}/topics/${id}`,
  };
}

export function homeCard(site: URL | undefined): CardInput {
  return { kicker: ['Investment research'], title: SITE.tagline, dek: SITE.description, footer: host(site) };
}

export async function issueCard(issue: PublishedIssue): Promise<CardInput> {
  const authors = await authorsById();
  return {
    kicker: ['The weekly issue', `No. ${issue.id}`],
    title: issue.title,
    dek: issue.summary,
    byline: byline(issue.authors.map((id) => authors.get(id)?.name ?? id)),
    date: formatDate(issue.date),
  };
}
