// The real taxonomy, read once for the classifier tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { TaxonomySchema } from '../../../src/lib/schema/taxonomy.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const taxonomy = TaxonomySchema.parse(parse(readFileSync(path.join(repoRoot, 'content/taxonomy.yaml'), 'utf8')));
