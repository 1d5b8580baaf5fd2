// Topics and companies for a news item, from content/taxonomy.yaml. Each topic keyword found in the
// title scores more than one found only in the summary; a named company adds a little to its
// topics; the source's beat and weight scale the result; a topic needs a minimum score.
import type { Taxonomy } from '../schema/taxonomy.ts';
import { compilePhrase, createPhraseIndex, isCaseSensitiveKeyword } from './matcher.ts';

export interface ClassifyOptions {
  /** Score of a topic keyword found in the title. Default 2. */
  titleWeight?: number;
  /** Score of a topic keyword found only in the summary. Default 1. */
  summaryWeight?: number;
  /** Score a named company adds to each of its topics. Default 1. */
  companyWeight?: number;
  /** Multiplier for topics on the source's beat (its `topics` in sources.yaml). Default 1.5. */
  beatMultiplier?: number;
  /** Score a topic needs to be kept: by default one title keyword, or two in the summary. Default 2. */
  minScore?: number;
  /** A second topic must score at least this share of the best one, so a passing mention does not tag. Default 0.5. */
  relativeMin?: number;
  /** Most topics kept per item, best first. Default 3. */
  maxTopics?: number;
}

export interface ClassifySource {
  topics?: readonly string[];
  /** Authority of the source; multiplies every score. Default 1. */
  weight?: number;
}

export interface Classification {
  topics: string[];
  companies: string[];
  /** Score per topic before the threshold, for reports and tuning. */
  scores: Record<string, number>;
}

export type Classifier = (text: { title: string; summary: string }, source?: ClassifySource) => Classification;

export function createClassifier(taxonomy: Taxonomy, options: ClassifyOptions = {}): Classifier {
  const { titleWeight = 2, summaryWeight = 1, companyWeight = 1, beatMultiplier = 1.5, minScore = 2, relativeMin = 0.5, maxTopics = 3 } = options;
  // One index for keywords (value: "topic\tkeyword") and one for aliases (value: company index).
  const keywords = createPhraseIndex(
    taxonomy.topics.flatMap((topic) => topic.keywords.map((k) => ({ phrase: compilePhrase(k, isCaseSensitiveKeyword(k)), value: `${topic.id}\t${k}` }))),
  );
  const aliases = createPhraseIndex(taxonomy.companies.flatMap((company, i) => company.aliases.map((alias) => ({ phrase: compilePhrase(alias, true), value: i }))));

  return ({ title, summary }, source = {}) => {
    const scores: Record<string, number> = {};
    const inTitle = keywords.find(title);
    const inSummary = summary ? keywords.find(summary) : new Set<string>();
    const add = (topic: string, points: number) => (scores[topic] = (scores[topic] ?? 0) + points);
    for (const hit of inTitle) add(hit.slice(0, hit.indexOf('\t')), titleWeight);
    for (const hit of inSummary) if (!inTitle.has(hit)) add(hit.slice(0, hit.indexOf('\t')), summaryWeight);

    const named = aliases.find(summary ? `${title}\n${summary}` : title);
    const found = [...named].map((i) => taxonomy.companies[i]!);
    for (const company of found) for (const id of company.topics) add(id, companyWeight);

    const weight = source.weight ?? 1;
    for (const id of Object.keys(scores)) {
      scores[id] = scores[id]! * weight * (source.topics?.includes(id) ? beatMultiplier : 1);
    }
    const best = Math.max(0, ...Object.values(scores));
    const kept = Object.entries(scores)
      .filter(([, score]) => score >= minScore && score >= best * relativeMin)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, maxTopics)
      .map(([id]) => id);
    return { topics: kept, companies: found.map((c) => c.id).sort(), scores };
  };
}
