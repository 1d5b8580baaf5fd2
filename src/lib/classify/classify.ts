// Topics and companies for a news item, from content/taxonomy.yaml, explainable phrase by phrase.
// A topic keyword in the title scores 2 (1 in the summary); a weak hint scores half that; an
// ambiguous word scores only beside its context; words inside an excluded phrase ("potato chips")
// never score. Naming a company adds its weight to its main topic and half to its others (half
// again when it is named only in the summary). The
// source's beat doubles its topics, its weight scales everything, and a topic needs 2 points: one
// keyword, or two hints, from a general-news source; one hint from a specialist on its beat.
import type { ContextRule, Taxonomy } from '../schema/taxonomy.ts';
import { words, type Word } from '../text/words.ts';
import { compilePhrase, createPhraseIndex, type Match, type PhraseIndex } from './matcher.ts';

export interface ClassifyOptions {
  /** Multiplier for topics on the source's beat (its `topics` in sources.yaml). Default 2. */
  beatMultiplier?: number;
  /** Score a topic needs to be kept. Default 2. */
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

/** One phrase that scored: what an editor reads to tune the taxonomy. */
export interface Hit {
  topic: string;
  /** The phrase as written in the taxonomy, or "company:<id>". */
  phrase: string;
  kind: 'keyword' | 'weak' | 'context' | 'company';
  where: 'title' | 'summary';
  points: number;
}

export interface Classification {
  topics: string[];
  companies: string[];
  /** Score per topic after the source's beat and weight, for reports and tuning. */
  scores: Record<string, number>;
  hits: Hit[];
}

export type Classifier = (text: { title: string; summary: string }, source?: ClassifySource) => Classification;

type Entry = { topic: string; kind: 'keyword' | 'weak' | 'context' | 'exclude'; points: number; rule?: CompiledRule };
interface CompiledRule {
  with: PhraseIndex<true>;
  unless: PhraseIndex<true>;
}

const index = (list: readonly string[]) => createPhraseIndex(list.map((text) => ({ phrase: compilePhrase(text), value: true as const })));
const compileRule = (rule: ContextRule): CompiledRule => ({ with: index(rule.with), unless: index(rule.unless) });

export function createClassifier(taxonomy: Taxonomy, options: ClassifyOptions = {}): Classifier {
  const { beatMultiplier = 2, minScore = 2, relativeMin = 0.5, maxTopics = 3 } = options;
  const entries: Array<{ phrase: ReturnType<typeof compilePhrase>; value: Entry }> = [];
  for (const topic of taxonomy.topics) {
    const add = (list: readonly string[], value: Entry) => list.forEach((text) => entries.push({ phrase: compilePhrase(text), value }));
    add(topic.keywords, { topic: topic.id, kind: 'keyword', points: 2 });
    add(topic.weak, { topic: topic.id, kind: 'weak', points: 1 });
    add(topic.exclude, { topic: topic.id, kind: 'exclude', points: 0 });
    for (const rule of topic.context) add(rule.words, { topic: topic.id, kind: 'context', points: rule.weight, rule: compileRule(rule) });
  }
  const phrases = createPhraseIndex(entries);
  const aliases = createPhraseIndex(
    taxonomy.companies.flatMap((company, i) =>
      company.aliases.map((alias) => {
        const guard = company.guards[alias];
        return {
          phrase: compilePhrase(alias, true),
          value: { company: i, with: guard?.with && index(guard.with), unless: guard?.unless && index(guard.unless) },
        };
      }),
    ),
  );

  const offBeat = taxonomy.companies.map((company) => (company.offBeat.length ? index(company.offBeat) : undefined));

  return ({ title, summary }, source = {}) => {
    const fields: Array<{ where: Hit['where']; list: Word[]; scale: number }> = [{ where: 'title', list: words(title), scale: 1 }];
    if (summary) fields.push({ where: 'summary', list: words(summary), scale: 0.5 });
    // Whether a context phrase is anywhere in the item; asked once per rule and item, however many
    // of the rule's words matched.
    const seen = new Map<PhraseIndex<true>, boolean>();
    const everywhere = (ix: PhraseIndex<true>) => {
      let found = seen.get(ix);
      if (found === undefined) seen.set(ix, (found = fields.some((f) => ix.find(f.list).length > 0)));
      return found;
    };

    const hits: Hit[] = [];
    const counted = new Set<string>();
    for (const { where, list, scale } of fields) {
      const found = phrases.find(list);
      // Words inside an excluded phrase do not count for that topic.
      const excluded = found.filter((m) => m.value.kind === 'exclude');
      const overlaps = (a: Match<Entry>, b: Match<Entry>) => a.value.topic === b.value.topic && a.start < b.end && b.start < a.end;
      // The words of a headline count once per topic: the strongest, longest phrase over them wins
      // ("chip shortage" rather than it and "chip"; "networking" and "network" are one word).
      const candidates = found
        .filter((m) => m.value.kind !== 'exclude' && !excluded.some((x) => overlaps(m, x)))
        .filter((m) => !m.value.rule || (everywhere(m.value.rule.with) && !everywhere(m.value.rule.unless)))
        .sort((a, b) => b.value.points - a.value.points || b.end - b.start - (a.end - a.start) || a.start - b.start);
      const taken: Match<Entry>[] = [];
      for (const m of candidates) {
        const { topic, kind, points } = m.value;
        const key = `${topic}\t${m.phrase.text}`;
        // Each phrase counts once per item, where it scores most (the title comes first).
        if (counted.has(key) || taken.some((t) => overlaps(t, m))) continue;
        counted.add(key);
        taken.push(m);
        hits.push({ topic, phrase: m.phrase.text, kind: kind as Hit['kind'], where, points: points * scale });
      }
    }

    const named = new Map<number, Hit['where']>();
    for (const { where, list } of fields) {
      for (const m of aliases.find(list)) {
        const { company, with: near, unless } = m.value;
        if (named.has(company) || (near && !everywhere(near)) || (unless && everywhere(unless))) continue;
        named.set(company, where);
      }
    }
    const companies = [...named].map(([i, where]) => ({ company: taxonomy.companies[i]!, where, offBeat: offBeat[i] }));
    const scaleOf = new Map(fields.map((f) => [f.where, f.scale]));
    for (const { company, where, offBeat: off } of companies) {
      // Still explained: the company scored nothing because its off-beat words were there.
      if (off && everywhere(off)) {
        hits.push({ topic: company.topics[0]!, phrase: `company:${company.id} (off the beat)`, kind: 'company', where, points: 0 });
        continue;
      }
      company.topics.forEach((topic, k) => {
        // A company named only in the summary counts as the summary's words do: a passing mention
        // (a podcast's show notes listing Intel, Arm and TSMC) is not what the item is about.
        const points = company.weight * (k === 0 ? 1 : 0.5) * scaleOf.get(where)!;
        if (points > 0) hits.push({ topic, phrase: `company:${company.id}`, kind: 'company', where, points });
      });
    }

    const scores: Record<string, number> = {};
    for (const hit of hits) scores[hit.topic] = (scores[hit.topic] ?? 0) + hit.points;
    const weight = source.weight ?? 1;
    for (const id of Object.keys(scores)) scores[id] = scores[id]! * weight * (source.topics?.includes(id) ? beatMultiplier : 1);
    const best = Math.max(0, ...Object.values(scores));
    // A topic with a keyword of its own in the title stands whatever the best scored ("entity list"
    // is chips and security both); the relative bar is for passing mentions.
    const explicit = new Set(hits.filter((h) => h.where === 'title' && h.points >= 2 && (h.kind === 'keyword' || h.kind === 'context')).map((h) => h.topic));
    const topics = Object.entries(scores)
      .filter(([id, score]) => score >= minScore && (score >= best * relativeMin || explicit.has(id)))
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, maxTopics)
      .map(([id]) => id);
    return { topics, companies: companies.map(({ company }) => company.id).sort(), scores, hits };
  };
}
