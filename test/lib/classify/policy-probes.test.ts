// The classifier on the editorial policy's own cases: test/fixtures/news-signal/policy-probes.tsv,
// headlines written for this project by labellers who read the policy and never the taxonomy or the
// classifier. Set a (400: 250 on the beat, 150 off it with tempting words) is in the style of news
// and business wires; set b (300: 180 on, 120 off), by another labeller, in the style of real feeds
// of every kind, trade-press jargon, tickers and "UPDATE 2-" included; set c (402: 236 on, 166 off),
// by a third, in the style of financial wires, regional papers and trade press the world over, with
// many less famous companies and headlines that imply the topic only through a name. Real general news is well
// under 1% on the beat, so the real held-out split has 11 on-topic headlines; these probes test each
// topic's less obvious forms in numbers real data cannot give. They are not real data and their
// figures are not the quality figures: those come from real-headlines.test.ts. In each set
// half (by a hash of the title) was used to tune the taxonomy; the test half never was. Titles
// only, as from a general-news source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabelledHeadline } from '../../../src/lib/eval/classify-metrics.ts';
import { repoRoot, taxonomy, titleFigures } from './taxonomy.ts';

const [, ...lines] = readFileSync(path.join(repoRoot, 'test/fixtures/news-signal/policy-probes.tsv'), 'utf8').trimEnd().split('\n');
const probes = lines.map((line) => {
  const [set, split, topics, title] = line.split('\t') as [string, string, string, string];
  return { set, split, title, topics: topics ? topics.split(',') : [], companies: [], uncertain: false } satisfies LabelledHeadline & {
    set: string;
    split: string;
  };
});
const figures = (set: string, split: string) => titleFigures(probes.filter((p) => p.set === set && p.split === split));

describe('policy probes', () => {
  it('cover every topic, on and off the beat, in three sets of two halves', () => {
    expect(probes.filter((p) => p.set === 'a').length).toBe(400);
    expect(probes.filter((p) => p.set === 'b').length).toBe(300);
    expect(probes.filter((p) => p.set === 'c').length).toBe(402);
    for (const topic of taxonomy.topics.map((t) => t.id)) expect(probes.filter((p) => p.topics.includes(topic)).length, topic).toBeGreaterThanOrEqual(50);
    expect(probes.filter((p) => !p.topics.length).length).toBeGreaterThanOrEqual(200);
    expect(new Set(probes.map((p) => `${p.set} ${p.split}`))).toEqual(new Set(['a dev', 'a test', 'b dev', 'b test', 'c dev', 'c test']));
  });

  // Floors under the figures measured, so a taxonomy edit that costs a topic its ordinary forms
  // fails here. Measured: a dev kept 1.000 / 0.965, topics 0.962 / 0.962; a test 0.992 / 0.949,
  // 0.986 / 0.909 (with the taxonomy before any probe was written: 0.969 / 0.919, 0.931 / 0.870);
  // b dev 0.941 / 0.976, 0.856 / 0.957; b test 0.989 / 0.898, 0.839 / 0.847 (before tuning on b's
  // dev half: 0.988 / 0.806, 0.814 / 0.748); c dev 0.991 / 0.983, 0.863 / 0.869; c test 0.957 /
  // 0.754, 0.873 / 0.696 (blind, before tuning on c's dev half: dev 0.990 / 0.805, 0.860 / 0.676;
  // test 0.957 / 0.746, 0.872 / 0.688: the dev half's fixes were mostly companies the test half does
  // not name). With 26 more companies (servers, design software, foundries, utilities, data-centre
  // operators): a dev 1.000 / 0.974, 0.963 / 0.970; a test 0.992 / 0.956, 0.986 / 0.916; b dev
  // 0.942 / 0.988, 0.857 / 0.968; b test unchanged; c dev unchanged; c test 0.958 / 0.780, 0.878 / 0.732.
  // Set c's test half is the hardest: recall there is what to work on.
  it.each([
    ['a', 'dev', 0.95, 0.92, 0.92, 0.9],
    ['a', 'test', 0.95, 0.9, 0.9, 0.85],
    ['b', 'dev', 0.87, 0.92, 0.77, 0.88],
    ['b', 'test', 0.95, 0.83, 0.8, 0.8],
    ['c', 'dev', 0.95, 0.92, 0.8, 0.8],
    ['c', 'test', 0.92, 0.75, 0.83, 0.7],
  ] as const)('holds on set %s, %s half', (set, split, keptP, keptR, topicP, topicR) => {
    const f = figures(set, split);
    console.log(
      `policy probes, set ${set}, ${split} half: kept P ${f.kept.precision.toFixed(3)} R ${f.kept.recall.toFixed(3)}; topics P ${f.topics.precision.toFixed(3)} R ${f.topics.recall.toFixed(3)}`,
    );
    expect(f.kept.precision).toBeGreaterThanOrEqual(keptP);
    expect(f.kept.recall).toBeGreaterThanOrEqual(keptR);
    expect(f.topics.precision).toBeGreaterThanOrEqual(topicP);
    expect(f.topics.recall).toBeGreaterThanOrEqual(topicR);
  });
});
