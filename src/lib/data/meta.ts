// content/data/<name>.meta.yaml text to a validated DatasetMeta, with one line per problem.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { formatIssues } from '../errors/format-issues.ts';
import { datasetMetaSchema, type DatasetMeta } from '../schema/dataset.ts';
import { DatasetError } from './errors.ts';

export function parseMeta(text: string, file: string): DatasetMeta {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (cause) {
    if (cause instanceof YAMLParseError) {
      const at = cause.linePos?.[0];
      const place = at ? `line ${at.line}, column ${at.col}: ` : '';
      throw new DatasetError(`${file}: ${place}not valid YAML: ${cause.message.split('\n')[0]}`, { cause });
    }
    throw cause;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new DatasetError(`${file}: expected a YAML mapping with title, description, license, retrieved and columns`);
  }
  const result = datasetMetaSchema.safeParse(raw);
  if (!result.success) {
    throw new DatasetError(formatIssues(result.error.issues, { file }), {
      hint: 'see the fields documented in src/lib/schema/dataset.ts',
    });
  }
  return result.data;
}
