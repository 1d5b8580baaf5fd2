// The real taxonomy, read once for the classifier tests, and the figures on labelled titles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
