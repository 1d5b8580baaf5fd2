// A dataset's sidecar: content/data/<name>.meta.yaml beside content/data/<name>.csv. It says where the
// figures come from (or that they are illustrative) and how to read each column of the CSV.
import { z } from 'zod';
import { COLUMN_TYPES, type ColumnType } from './column-type.ts';
import { formatProblem } from '../datasets/format.ts';
import { describe } from '../errors/describe.ts';
import { didYouMean, suggest } from '../errors/suggest.ts';
import { loaderFieldsAt, loaderSchema } from '../loaders/loader-schema.ts';
import { date } from './fields.ts';

/** A required, non-empty string, with the fix in the message. */
function text(field: string) {
  return z
    .string({
      error: (iss) => (iss.input === undefined ? `required: add \`${field}: "..."\`` : `expected text, received ${describe(iss.input)}`),
    })
    .trim()
    .min(1, { error: `must not be empty: write the ${field}` });
}

/** An optional, non-empty string such as a unit or a label. */
function optionalText(field: string, example: string) {
  return z
    .string({ error: (iss) => `expected text such as ${example}, received ${describe(iss.input)}` })
    .trim()
    .min(1, { error: `must not be empty: write the ${field}, or remove the line` })
    .optional();
}

const TYPES = `Types: ${COLUMN_TYPES.join(', ')}`;

export const META_FIELDS = [
  'title',
  'description',
  'source',
  'license',
  'retrieved',
  'illustrative',
  'missing',
  'skipRows',
  'note',
  'columns',
  'loader',
  'hash',
] as const;
export const SOURCE_FIELDS = ['name', 'url'] as const;
export const COLUMN_FIELDS = ['type', 'unit', 'label', 'format'] as const;

/** The fields allowed in the mapping at `path` of a meta file: the top level, `source` or a column. */
export function fieldsAt(path: ReadonlyArray<PropertyKey>): readonly string[] {
  if (path.length === 0) return META_FIELDS;
  if (path.length === 1 && path[0] === 'source') return SOURCE_FIELDS;
  if (path.length === 2 && path[0] === 'columns') return COLUMN_FIELDS;
  if (path[0] === 'loader') return loaderFieldsAt(path.slice(1));
  return [];
}

/** Where a top-level key belongs when it is a field of `source` or of a column, indented too little. */
function misplaced(key: string, path: ReadonlyArray<PropertyKey>): string | undefined {
  if (path.length > 0) return undefined;
  if ((SOURCE_FIELDS as readonly string[]).includes(key)) return 'it is a field of source, so indent it under `source:`';
  if ((COLUMN_FIELDS as readonly string[]).includes(key)) return 'it is a field of a column, so indent it under its column in `columns:`';
  return undefined;
}

/** The field an unknown key at `path` was probably meant to be ("licence" for "license"), if any. */
export function meantField(key: string, path: ReadonlyArray<PropertyKey>): string | undefined {
  return misplaced(key, path) ? undefined : suggest(key, fieldsAt(path));
}

/** The message for a key that is not a field, with the likely intended field or where the key belongs. */
export function unknownField(key: string, path: ReadonlyArray<PropertyKey>): string {
  const where = misplaced(key, path);
  if (where) return `unknown field "${key}": ${where}`;
  const allowed = fieldsAt(path);
  return `unknown field "${key}"${didYouMean(key, allowed)} Allowed fields: ${allowed.join(', ')}`;
}

function unknownKeys(path: ReadonlyArray<PropertyKey>) {
  return (iss: z.core.$ZodRawIssue) => (iss.code === 'unrecognized_keys' ? (iss.keys as string[]).map((key) => unknownField(key, path)).join('; ') : undefined);
}

const NUMBER_EXAMPLES = 'use a d3-format specifier such as ",.1f", "$,.0f" or ".2s"';
const DATE_EXAMPLES = 'use a d3-time-format specifier such as "%Y", "%b %Y" or "%Y Q%q"';

/** Why `spec` cannot be a column's default format, with the fix; undefined when it can. */
export function formatMistake(spec: string, type: ColumnType): string | undefined {
  const numeric = type === 'number' || type === 'integer' || type === 'percent';
  if (numeric && /%[-_0]?[a-zA-Z]/.test(spec)) {
    return (
      `"${spec}" is a date format, but the column is ${type}: ` +
      (type === 'integer' ? 'write "d" for plain whole numbers such as years' : NUMBER_EXAMPLES) +
      ', or declare `type: date` if the values are dates'
    );
  }
  const problem = formatProblem(spec, type);
  if (problem) {
    if (type === 'string') return `${problem}: remove \`format\`, or give the column a number or date type`;
    return `${problem}; ${type === 'date' ? DATE_EXAMPLES : NUMBER_EXAMPLES}`;
  }
  // d3's "%" and "p" multiply by 100, but percent cells are already in percentage points (61 for 61%).
  if (type === 'percent' && /[%p]$/.test(spec)) {
    const fixed = spec.replace(/%$/, 'f').replace(/p$/, 'r');
    return `"${spec}" multiplies by 100, but a percent column holds percentage points (61 for 61%): write "${fixed}", and the % unit is added`;
  }
  return undefined;
}

export const columnSchema = z
  .strictObject(
    {
      /** How every cell is read: number (1,234.5 or 3.6e16), integer, date (2024, 2024-03, 2024 Q1,
       *  March 2024, 2024-03-31), string, or percent ("61%" or 61, stored as 61). */
      type: z.enum(COLUMN_TYPES, {
        error: (iss) => {
          if (iss.input === undefined) return `required: add a type such as \`type: number\`. ${TYPES}`;
          if (typeof iss.input !== 'string') return `expected a type, received ${describe(iss.input)}. ${TYPES}`;
          return `unknown type ${describe(iss.input)}${didYouMean(iss.input, COLUMN_TYPES)} ${TYPES}`;
        },
      }),
      /** Unit shown beside values and on axes, e.g. "USD bn", "TWh", "%"; percent columns default to "%". */
      unit: optionalText('unit', '"USD bn" or "TWh"'),
      /** Human label for axes, tables and the /data/ page; defaults to the column name. */
      label: optionalText('label', '"Capital expenditure"'),
      /** Default display format: a d3-format specifier for numbers (",.1f") or d3-time-format for dates ("%Y Q%q"). */
      format: z
        .string({ error: (iss) => `expected a format in quotes such as ",.1f" or "%Y", received ${describe(iss.input)}` })
        .min(1, { error: 'must not be empty: write a format such as ",.1f" or "%Y", or remove the line' })
        .optional(),
    },
    {
      error: (iss) => {
        if (iss.code !== 'invalid_type') return undefined;
        const input = iss.input;
        if (typeof input === 'string' && (COLUMN_TYPES as readonly string[]).includes(input)) {
          return `expected a mapping: write \`{ type: ${input} }\``;
        }
        return `expected a mapping such as \`{ type: number, unit: USD bn }\`, received ${describe(input)}`;
      },
    },
  )
  .superRefine((column, ctx) => {
    const problem = column.format === undefined ? undefined : formatMistake(column.format, column.type);
    if (problem) ctx.addIssue({ code: 'custom', path: ['format'], input: column.format, message: problem });
  });

const missingSchema = z
  .union([z.string(), z.array(z.string())], {
    error: (iss) => `expected a value or a list of values such as ["n/a", "--"], received ${describe(iss.input)}`,
  })
  .transform((value) => (Array.isArray(value) ? value : [value]));

export const datasetMetaSchema = z
  .strictObject(
    {
      /** Title shown on the /data/ page and as the default chart source line. */
      title: text('title'),
      /** One or two sentences: what a row is, what the figures measure. */
      description: text('description'),
      /** Who published the figures. Required unless `illustrative: true`. */
      source: z
        .strictObject(
          {
            /** Publisher and document, e.g. "Lawrence Berkeley National Laboratory, 2024 United States Data Center Energy Usage Report". */
            name: text('source.name'),
            /** Where a reader can check the figures. */
            url: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.com/report' }),
          },
          {
            error: (iss) =>
              iss.code === 'invalid_type'
                ? `expected \`source: { name: "...", url: "https://..." }\`, received ${describe(iss.input)}`
                : unknownKeys(['source'])(iss),
          },
        )
        .optional(),
      /** Licence of the figures as published, e.g. "CC BY 4.0", "Public domain (US federal)". */
      license: text('license'),
      /** Date the figures were taken from the source (or written, for illustrative data). */
      retrieved: date('retrieved'),
      /** True when the figures are not from a public source: charts then say "Illustrative data". */
      illustrative: z.boolean({ error: 'expected true or false' }).default(false),
      /** Cell values that mean "no value" in this file, e.g. "n/a" or ["Not Available", "--"]; read as null. */
      missing: missingSchema.default([]),
      /** Rows to skip right after the header, e.g. 1 for a second header row holding units. */
      skipRows: z
        .int({ error: (iss) => `expected a whole number of rows to skip after the header, such as 1, received ${describe(iss.input)}` })
        .min(0, { error: 'expected 0 or more rows to skip after the header' })
        .default(0),
      /** Extra context shown under every chart of this dataset. */
      note: optionalText('note', '"Illustrative figures."'),
      /** Where `npm run data` fetches the figures and how it shapes them into the CSV (src/lib/loaders/loader-schema.ts). */
      loader: loaderSchema.optional(),
      /** sha256 of the CSV as the loader last wrote it, written by `npm run data`: a hand edit since then shows. */
      hash: z
        .string({ error: (iss) => `expected the hash npm run data writes, such as "sha256:9f86d0…", received ${describe(iss.input)}` })
        .regex(/^sha256:[0-9a-f]{64}$/, {
          error: 'expected "sha256:" and 64 hex digits, as npm run data writes it: remove the line and run npm run data to write it again',
        })
        .optional(),
      /** How to read each column, by its header name. Columns not listed are kept as text. */
      columns: z.record(z.string(), columnSchema, {
        error: (iss) =>
          iss.input === undefined
            ? 'required: add `columns:` with a `type` for each column, e.g. `capex_bn: { type: number, unit: USD bn }`'
            : `expected each column by its name, such as \`columns: { capex_bn: { type: number } }\`, received ${describe(iss.input)}`,
      }),
    },
    { error: unknownKeys([]) },
  )
  .superRefine((meta, ctx) => {
    if (meta.illustrative && meta.loader && !meta.loader.provenance) {
      ctx.addIssue({
        code: 'custom',
        path: ['loader', 'provenance'],
        message:
          'required for an illustrative dataset with a loader: add `provenance: { source: "...", license: "..." }`, what the meta cites once the loader replaces the illustrative figures',
      });
    }
    if (!meta.illustrative && !meta.source) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'required: add `source: { name: "...", url: "https://..." }`, or `illustrative: true` if the figures are not from a public source',
      });
    }
  });

export type ColumnMeta = z.infer<typeof columnSchema>;
export type DatasetMetaInput = z.input<typeof datasetMetaSchema>;
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

export { COLUMN_TYPES, type ColumnType };
