// The real news in ../shared/news-dev (beside the repository, not in it), for the evaluations.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const newsDevDir = path.resolve(repoRoot, '../shared/news-dev');
export const uciFile = path.join(newsDevDir, 'uci_dev.tsv.gz');
export const hasUci = existsSync(uciFile);
if (!hasUci) console.warn(`skipping the UCI clustering evaluation: ${uciFile} is absent (it ships beside the repo, not in it)`);
