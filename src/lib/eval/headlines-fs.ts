// The hand-labelled real headlines in test/fixtures/news-signal/headlines.tsv (see its README):
// one row per headline with its set, its split (dev for tuning, test held out), and the labels.
import { readFileSync } from 'node:fs';
import type { LabelledHeadline } from './classify-metrics.ts';

export interface HeadlineRow extends LabelledHeadline {
  set: 'news-dev' | 'uci';
  split: 'dev' | 'test';
  domain: string;
  category: string;
  published: string;
  note: string;
}

const list = (cell: string | undefined) => (cell ? cell.split(',').filter(Boolean) : []);

export function readHeadlines(file: string): HeadlineRow[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
  const columns = header!.split('\t');
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const cells = Object.fromEntries(line.split('\t').map((cell, i) => [columns[i], cell]));
      return {
        set: cells.set as HeadlineRow['set'],
        split: cells.split as HeadlineRow['split'],
        title: cells.title!,
        domain: cells.domain!,
        category: cells.category!,
        published: cells.published!,
        topics: list(cells.topics),
        companies: list(cells.companies),
        uncertain: cells.uncertain === '1',
        note: cells.note ?? '',
      };
    });
}
