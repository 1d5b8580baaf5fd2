// What each kind of page puts on its card, from plain data: the one definition of a card's input,
// bound to the content layer in src/site/cards.ts. The order of the fields is part of the cache key
// (hash.ts hashes the JSON), so it stays as it is: reordering would re-render every card once.
import { firstNumericSeries, type CardChart } from './chart.ts';
import type { CardInput } from './template.ts';
import { SITE, formatDate } from '../site.ts';

/** "Mara Okafor", "Mara Okafor and Theo Lindqvist", "A, B and C". */
export function byline(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

const host = (site: URL | undefined) => (site ? site.host : '');

/** Names for ids, as the content's authors and taxonomy give them; an unknown id stands for itself. */
export interface CardLookups {
  authors: ReadonlyMap<string, { name: string }>;
  topics: ReadonlyMap<string, { label: string }>;
}

export interface EssayCardData {
  title: string;
  dek?: string | undefined;
  date: Date;
  topics: readonly string[];
  authors: readonly string[];
}

/** The small chart on an essay's card: the hero dataset's first numeric column, when it has two points or more. */
export function heroChart(
  dataset: { meta: { title: string }; columns: ReadonlyArray<{ name: string; type: string }>; rows: ReadonlyArray<Record<string, unknown>> } | undefined,
): CardChart | undefined {
  if (!dataset) return undefined;
  const values = firstNumericSeries(dataset.columns, dataset.rows);
  return values && values.length > 1 ? { label: dataset.meta.title, values } : undefined;
}

export function essayCardInput(data: EssayCardData, { authors, topics }: CardLookups, chart: CardChart | undefined): CardInput {
  return {
    kicker: data.topics.map((id) => topics.get(id)?.label ?? id),
    title: data.title,
    dek: data.dek,
    byline: byline(data.authors.map((id) => authors.get(id)?.name ?? id)),
    date: formatDate(data.date),
    chart,
  };
}

export function issueCardInput(
  issue: { id: string; title: string; summary: string; date: Date; authors: readonly string[] },
  { authors }: Pick<CardLookups, 'authors'>,
): CardInput {
  return {
    kicker: ['The weekly issue', `No. ${issue.id}`],
    title: issue.title,
    dek: issue.summary,
    byline: byline(issue.authors.map((id) => authors.get(id)?.name ?? id)),
    date: formatDate(issue.date),
  };
}

export function topicCardInput(id: string, topic: { label: string; description?: string | undefined } | undefined, site: URL | undefined): CardInput {
  return { kicker: ['Topic'], title: topic?.label ?? id, dek: topic?.description, footer: `${host(site)}/topics/${id}` };
}

export function homeCardInput(site: URL | undefined): CardInput {
  return { kicker: ['Investment research'], title: SITE.tagline, dek: SITE.description, footer: host(site) };
}
