// How the digest ranks a story (a cluster of items about one event). The formula is deliberately
// simple, so an editor can predict it and argue with it:
//
//   score = authority × coverage × freshness × specificity
//
//   authority   = the highest `weight` (0–3, default 1, content/sources.yaml) among the sources that
//                 covered the story: one strong source beats several weak ones only up to a point;
//   coverage    = 1 + log2(clusterSize): every doubling of the number of sources adds one unit, so a
//                 story four outlets covered (3) outranks a single-source story (1), but not without end;
//   freshness   = 0.5 ^ (age / 72 h), age measured from the end of the window (not the wall clock, so
//                 the same store and options always rank the same way): Friday's news beats Monday's;
//   specificity = 1 + 0.25 × min(companies, 4): stories naming listed companies are the actionable ones.
import type { NewsItem } from '../schema/news.ts';

export interface ScoreOptions {
  /** Source id -> weight from sources.yaml; sources not listed weigh DEFAULT_WEIGHT. */
  weights: ReadonlyMap<string, number>;
  /** End of the window; ages are measured from here. */
  asOf: Date;
  /** Freshness half-life in hours. Default 72. */
  halfLifeHours?: number;
}

export const DEFAULT_WEIGHT = 1;
const HOUR = 3_600_000;

export interface ScoreParts {
  authority: number;
  coverage: number;
  freshness: number;
  specificity: number;
  score: number;
}

export function weightOf(source: string, weights: ReadonlyMap<string, number>): number {
  return weights.get(source) ?? DEFAULT_WEIGHT;
}

/** Scores one cluster from its items in the window (at least one). */
export function scoreCluster(items: readonly NewsItem[], { weights, asOf, halfLifeHours = 72 }: ScoreOptions): ScoreParts {
  const authority = Math.max(...items.map((item) => weightOf(item.source, weights)));
  // Ingest stores the cluster's size on every item; it can exceed the items in our window.
  const size = Math.max(...items.map((item) => item.clusterSize), new Set(items.map((item) => item.source)).size);
  const coverage = 1 + Math.log2(size);
  const newest = Math.max(...items.map((item) => Date.parse(item.published)));
  const ageHours = Math.max(0, (asOf.getTime() - newest) / HOUR);
  const freshness = 0.5 ** (ageHours / halfLifeHours);
  const companies = new Set(items.flatMap((item) => item.companies)).size;
  const specificity = 1 + 0.25 * Math.min(companies, 4);
  // Rounded so that float noise can never reorder two equal stories between machines.
  const score = Math.round(authority * coverage * freshness * specificity * 1e6) / 1e6;
  return { authority, coverage, freshness, specificity, score };
}
