// Reads the sources configuration through the shared friendly-error helper: a YAML or schema
// problem becomes one line naming the file, the field, what was expected and what was found.
import { parseDocument } from 'yaml';
import { formatIssues } from '../errors/format-issues.ts';
import { sourcesConfigSchema, type SourcesConfig } from '../schema/sources.ts';
import { ConfigError } from './errors.ts';

export interface ConfigInput {
  /** Path shown in messages, relative to the project root, e.g. "content/sources.yaml". */
  file: string;
  text: string;
  /** Topic ids from the taxonomy. */
  topics: readonly string[];
}

/** Parses and validates the configuration; throws ConfigError listing every problem. */
export function parseSourcesConfig({ file, text, topics }: ConfigInput): SourcesConfig {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    throw new ConfigError(
      doc.errors.slice(0, 1).map((e) => {
        const pos = e.linePos?.[0];
        return `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    );
  }
  const parsed = sourcesConfigSchema({ topics }).safeParse(doc.toJS() ?? {});
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, { file }));
  return parsed.data;
}
