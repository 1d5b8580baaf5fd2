// Reads the publication's content files from disk for the checker (the only I/O in content checks).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listDatasetNames, readDataset } from '../datasets/dataset-fs.ts';
import type { SourceFile } from './source-file.ts';
import type { ContentFiles } from './validate.ts';

function readDir(root: string, dir: string, pattern: RegExp): SourceFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => ({ file: relative(root, join(abs, name)), text: readFileSync(join(abs, name), 'utf8') }));
}

export function readContentFiles(root: string): ContentFiles {
  let names: string[] | undefined;
  const taxonomyPath = join(root, 'content/taxonomy.yaml');
  return {
    taxonomy: { file: 'content/taxonomy.yaml', text: existsSync(taxonomyPath) ? readFileSync(taxonomyPath, 'utf8') : '' },
    authors: readDir(root, 'content/authors', /\.ya?ml$/),
    essays: readDir(root, 'content/essays', /\.mdx?$/),
    issues: readDir(root, 'content/issues', /\.mdx?$/),
    datasets: existsSync(join(root, 'content/data'))
      ? readdirSync(join(root, 'content/data')).filter((n) => n.endsWith('.csv')).map((n) => n.slice(0, -4)).sort()
      : [],
    bodies: {
      // One listing for the whole check: a thousand embeds need not read the folder a thousand times.
      lookup: { names: () => (names ??= listDatasetNames({ root })), load: (name) => readDataset(name, { root }) },
      exists: (path) => existsSync(join(root, path)),
      list: (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : []),
    },
  };
}
