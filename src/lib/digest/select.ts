// Picks the week's stories: items in the window grouped by cluster (one entry per story), each
// cluster scored (see score.ts), then the best stories placed under topics, at most N per topic.
import type { NewsItem } from '../schema/news.ts';
import { scoreCluster, weightOf, type ScoreParts } from './score.ts';
import type { DigestWindow } from './window.ts';

export interface Story {
  clusterId: string;
  /** The item the issue links to: the most authoritative source, then the first to report. */
  lead: NewsItem;
  /** Display names of the other sources that covered the story, most authoritative first. */
  others: string[];
  /** Every topic and company the cluster's items were classified with. */
  topics: string[];
  companies: string[];
  score: ScoreParts;
}

export interface TopicSection {
  topic: string;
  stories: Story[];
}

export interface SelectOptions {
  window: DigestWindow;
  /** Source id -> weight from sources.yaml. */
  weights: ReadonlyMap<string, number>;
  /** Topic ids in taxonomy order: the order of the sections. */
  topics: readonly string[];
  /** Stories per topic. Default 3. */
  perTopic?: number;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

export function buildStories(items: readonly NewsItem[], { window, weights }: Pick<SelectOptions, 'window' | 'weights'>): Story[] {
  const clusters = new Map<string, NewsItem[]>();
  for (const item of items) {
    const at = Date.parse(item.published);
    if (at < window.from.getTime() || at >= window.to.getTime()) continue;
    clusters.set(item.clusterId, [...(clusters.get(item.clusterId) ?? []), item]);
  }
  const stories = [...clusters].map(([clusterId, members]): Story => {
    const ranked = [...members].sort(
      (a, b) => weightOf(b.source, weights) - weightOf(a.source, weights) || a.published.localeCompare(b.published) || a.id.localeCompare(b.id),
    );
    const lead = ranked[0] as NewsItem;
    const others = unique(
      ranked
        .slice(1)
        .filter((item) => item.source !== lead.source)
        .map((item) => item.sourceName),
    );
    return {
      clusterId,
      lead,
      others,
      // The lead's topics first: they are its best matches, in order.
      topics: unique(ranked.flatMap((item) => item.topics)),
      companies: unique(ranked.flatMap((item) => item.companies)).sort(),
      score: scoreCluster(members, { weights, asOf: window.to }),
    };
  });
  return stories.sort(byRank);
}

/** Highest score first; ties by the lead's date (newer first) then cluster id, so the order is total. */
export function byRank(a: Story, b: Story): number {
  return b.score.score - a.score.score || b.lead.published.localeCompare(a.lead.published) || a.clusterId.localeCompare(b.clusterId);
}

/**
 * Places stories best first, each under the first of its topics that still has room, so a story
 * appears once and a crowded topic passes its overflow to the story's next topic.
 */
export function selectStories(items: readonly NewsItem[], options: SelectOptions): TopicSection[] {
  const perTopic = options.perTopic ?? 3;
  const sections = new Map(options.topics.map((topic) => [topic, [] as Story[]]));
  for (const story of buildStories(items, options)) {
    const home = story.topics.map((topic) => sections.get(topic)).find((list) => list !== undefined && list.length < perTopic);
    home?.push(story);
  }
  return [...sections].filter(([, stories]) => stories.length > 0).map(([topic, stories]) => ({ topic, stories }));
}
