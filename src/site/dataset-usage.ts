// The published essays and issues that use each dataset, for /data/: drafts and scheduled pieces
// never appear, under the same rule as every other page (src/site/essays.ts, src/site/issues.ts).
import { usageByDataset, type DatasetUse, type UsingEntry } from '../lib/datasets/usage.ts';
import { publishedEssays } from './essays.ts';
import { issueEntries } from './issues.ts';

export type { DatasetUse };

/** Dataset name → its essays (newest first), then its issues (newest first). */
export async function datasetUsage(): Promise<Map<string, DatasetUse[]>> {
  const [essays, issues] = await Promise.all([publishedEssays(), issueEntries()]);
  const entries: UsingEntry[] = [
    ...essays.map((e) => ({ kind: 'essay' as const, title: e.data.title, url: `/essays/${e.id}/`, hero: e.data.hero, body: e.body ?? '' })),
    ...issues.map((i) => ({ kind: 'issue' as const, title: `Issue ${i.data.number}: ${i.data.title}`, url: `/issues/${i.id}/`, body: i.body ?? '' })),
  ];
  return usageByDataset(entries);
}
