// Precision and recall of the classifier on a labelled set of realistic headlines
// (test/fixtures/classify/headlines.yaml): the targets are topic precision >= 0.9 and recall >= 0.8.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/lib/classify/classify.ts';
import { repoRoot, taxonomy } from './taxonomy.ts';

interface Case {
  title: string;
  summary?: string;
  topics: string[];
  companies: string[];
}

const cases = parse(readFileSync(path.join(repoRoot, 'test/fixtures/classify/headlines.yaml'), 'utf8')) as Case[];

function score(pairs: Array<[expected: string[], got: string[]]>) {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [expected, got] of pairs) {
    tp += got.filter((x) => expected.includes(x)).length;
    fp += got.filter((x) => !expected.includes(x)).length;
    fn += expected.filter((x) => !got.includes(x)).length;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('labelled headlines', () => {
  const classify = createClassifier(taxonomy);
  const results = cases.map((c) => ({ c, r: classify({ title: c.title, summary: c.summary ?? '' }) }));

  it('has at least 150 headlines, negatives included, with valid ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.topics.length === 0).length).toBeGreaterThanOrEqual(30);
    const topicIds = taxonomy.topics.map((t) => t.id);
    const companyIds = taxonomy.companies.map((c) => c.id);
    for (const c of cases) {
      expect(
        c.topics.every((t) => topicIds.includes(t)),
        c.title,
      ).toBe(true);
      expect(
        c.companies.every((t) => companyIds.includes(t)),
        c.title,
      ).toBe(true);
    }
  });

  it('reaches topic precision >= 0.9 and recall >= 0.8', () => {
    const topics = score(results.map(({ c, r }) => [c.topics, r.topics]));
    const companies = score(results.map(({ c, r }) => [c.companies, r.companies]));
    const misses = results.filter(({ c, r }) => [...c.topics].sort().join() !== [...r.topics].sort().join());
    console.log(
      `classifier on ${cases.length} headlines: topic precision ${topics.precision.toFixed(3)}, recall ${topics.recall.toFixed(3)}; ` +
        `company precision ${companies.precision.toFixed(3)}, recall ${companies.recall.toFixed(3)}; ${misses.length} headlines with a topic difference`,
    );
    expect(topics.precision).toBeGreaterThanOrEqual(0.9);
    expect(topics.recall).toBeGreaterThanOrEqual(0.8);
    expect(companies.precision).toBeGreaterThanOrEqual(0.95);
    expect(companies.recall).toBeGreaterThanOrEqual(0.95);
  });
});
