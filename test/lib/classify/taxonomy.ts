// The real taxonomy, read once for the classifier tests, and the figures on labelled titles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { createClassifier } from '../../../src/lib/classify/classify.ts';
import { classifyFigures, type LabelledHeadline } from '../../../src/lib/eval/classify-metrics.ts';
import { TaxonomySchema } from '../../../src/lib/schema/taxonomy.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const taxonomy = TaxonomySchema.parse(parse(readFileSync(path.join(repoRoot, 'content/taxonomy.yaml'), 'utf8')));

const classifyTitle = createClassifier(taxonomy);
/** Figures of the classifier on labelled rows, from the title alone, as for a general-news source. */
export const titleFigures = (rows: readonly LabelledHeadline[]) =>
  classifyFigures(
    rows,
    rows.map((r) => classifyTitle({ title: r.title, summary: '' })),
  );

/** Every topic and company id of the labelled rows is one the taxonomy defines (named by title when not). */
export function expectTaxonomyIds(rows: readonly LabelledHeadline[]) {
  const topics = new Set(taxonomy.topics.map((t) => t.id));
  const companies = new Set(taxonomy.companies.map((c) => c.id));
  for (const r of rows) {
    expect(
      r.topics.filter((t) => !topics.has(t)),
      r.title,
    ).toEqual([]);
    expect(
      r.companies.filter((c) => !companies.has(c)),
      r.title,
    ).toEqual([]);
  }
}
