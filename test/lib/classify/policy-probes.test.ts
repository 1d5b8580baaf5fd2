// The classifier on the editorial policy's own cases: test/fixtures/news-signal/policy-probes.tsv,
// 400 headlines written for this project (250 on the beat across all six topics, 150 off it with
// tempting words) by a labeller who read the policy and never the taxonomy or the classifier.
// Real general news is well under 1% on the beat, so the real held-out split has 11 on-topic
// headlines; these probes test each topic's less obvious forms in numbers real data cannot give.
// They are not real data and their figures are not the quality figures: those come from
// real-headlines.test.ts. Half (by a hash of the title) was used to tune the taxonomy; the test
// half never was. Titles only, as from a general-news source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabelledHeadline } from '../../../src/lib/eval/classify-metrics.ts';
import { repoRoot, taxonomy, titleFigures } from './taxonomy.ts';

const [, ...lines] = readFileSync(path.join(repoRoot, 'test/fixtures/news-signal/policy-probes.tsv'), 'utf8').trimEnd().split('\n');
const probes = lines.map((line) => {
  const [split, topics, title] = line.split('\t') as [string, string, string];
  return { split, title, topics: topics ? topics.split(',') : [], companies: [], uncertain: false } satisfies LabelledHeadline & { split: string };
});
const figures = (split: string) => titleFigures(probes.filter((p) => p.split === split));

describe('policy probes', () => {
  it('cover every topic, on and off the beat, in two halves', () => {
    expect(probes.length).toBe(400);
    for (const topic of taxonomy.topics.map((t) => t.id)) expect(probes.filter((p) => p.topics.includes(topic)).length, topic).toBeGreaterThanOrEqual(30);
    expect(probes.filter((p) => !p.topics.length).length).toBeGreaterThanOrEqual(100);
    expect(new Set(probes.map((p) => p.split))).toEqual(new Set(['dev', 'test']));
  });

  // Floors under the figures measured (dev kept 0.991 / 0.965, topics 0.970 / 0.962; test kept
  // 0.985 / 0.941, topics 0.965 / 0.890; the test half before any tuning on the dev half: 0.977 /
  // 0.941 and 0.939 / 0.896), so a taxonomy edit that costs a topic its ordinary forms fails here.
  it.each([
    ['dev', 0.95, 0.92, 0.92, 0.9],
    ['test', 0.95, 0.9, 0.9, 0.85],
  ] as const)('holds on the %s half', (split, keptP, keptR, topicP, topicR) => {
    const f = figures(split);
    console.log(
      `policy probes, ${split} half: kept P ${f.kept.precision.toFixed(3)} R ${f.kept.recall.toFixed(3)}; topics P ${f.topics.precision.toFixed(3)} R ${f.topics.recall.toFixed(3)}`,
    );
    expect(f.kept.precision).toBeGreaterThanOrEqual(keptP);
    expect(f.kept.recall).toBeGreaterThanOrEqual(keptR);
    expect(f.topics.precision).toBeGreaterThanOrEqual(topicP);
    expect(f.topics.recall).toBeGreaterThanOrEqual(topicR);
  });
});
