// Reads content/taxonomy.yaml for the commands that classify (ingest, classify, eval:classify): a
// file that does not parse or validate is a ConfigError listing each problem with the file's name.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { formatIssues } from '../errors/format-issues.ts';
import { ConfigError } from '../feeds/errors.ts';
import { TaxonomySchema, type Taxonomy } from '../schema/taxonomy.ts';

/** The validated taxonomy in `file`; `label` is the name shown in messages (relative to the project). */
export function readTaxonomy(file: string, label: string): Taxonomy {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${label}: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = TaxonomySchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, { file: label }));
  return parsed.data;
}
