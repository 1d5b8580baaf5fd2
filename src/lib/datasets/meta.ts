// content/data/<name>.meta.yaml text to a validated DatasetMeta, with one line per problem, each
// pointing at the line of the key it is about: `content/data/x.meta.yaml:12: columns.x.type: ...`.
import type { z } from 'zod';
import { formatPath } from '../errors/format-issues.ts';
import { atLine, parseYamlWithLines } from '../errors/yaml-lines.ts';
import { datasetMetaSchema, meantField, unknownField, type DatasetMeta } from '../schema/dataset.ts';
import { DatasetError } from './errors.ts';

export interface MetaReport {
  meta: DatasetMeta;
  /** Things that load but are probably a mistake, as `file:LINE: path: message`. */
  warnings: string[];
  /** Line of every key in the file, by path ("columns.capex_bn"), for later problems about the meta. */
  lines: Map<string, number>;
}

export const ILLUSTRATIVE_WITH_SOURCE =
  'this dataset is marked illustrative: true but names a source; remove one (illustrative means the figures are not from a public source)';

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = raw;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function problemLines(issues: ReadonlyArray<z.core.$ZodIssue>, raw: unknown, file: string, lines: Map<string, number>): string[] {
  // A misspelt field is one mistake: "licence" is reported with its did-you-mean, not also as "license: required".
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const field = meantField(key, issue.path);
      if (field) meant.add(formatPath([...issue.path, field]));
    }
  }
  return issues.flatMap((issue) => {
    // An unknown field has no path of its own: point at the key itself, one line per key.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => atLine(file, lines, [...issue.path, key], unknownField(key, issue.path)));
    if (meant.has(formatPath(issue.path)) && valueAt(raw, issue.path) === undefined) return [];
    return [atLine(file, lines, issue.path, issue.message)];
  });
}

/** The meta with its warnings and key lines; throws a DatasetError listing every problem. */
export function readMeta(text: string, file: string): MetaReport {
  const { doc, lines } = parseYamlWithLines(text);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    const place = at ? `line ${at.line}, column ${at.col}: ` : '';
    throw new DatasetError(`${file}: ${place}not valid YAML: ${yamlError.message.split('\n')[0]}`, { cause: yamlError });
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new DatasetError(`${file}: expected a YAML mapping with title, description, license, retrieved and columns`);
  }
  const result = datasetMetaSchema.safeParse(raw);
  if (!result.success) {
    throw new DatasetError(problemLines(result.error.issues, raw, file, lines), {
      hint: 'the meta fields are listed under "Data in essays" in README.md',
    });
  }
  const meta = result.data;
  const warnings = doc.warnings.map((w) => `${file}${w.linePos ? `:${w.linePos[0].line}` : ''}: ${w.message.split('\n')[0]}`);
  if (meta.illustrative && meta.source) warnings.push(atLine(file, lines, ['source'], ILLUSTRATIVE_WITH_SOURCE));
  return { meta, warnings, lines };
}

export function parseMeta(text: string, file: string): DatasetMeta {
  return readMeta(text, file).meta;
}
