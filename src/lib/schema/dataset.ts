// A dataset's sidecar: content/data/<name>.meta.yaml beside content/data/<name>.csv. It says where the
// figures come from (or that they are illustrative) and how to read each column of the CSV.
import { z } from 'zod';
import { describe } from '../errors/describe.ts';
import { date } from './fields.ts';

/** A required, non-empty string, with the fix in the message. */
function text(field: string) {
  return z
    .string({
      error: (iss) =>
        iss.input === undefined ? `required: add \`${field}: "..."\`` : `expected text, received ${describe(iss.input)}`,
    })
    .trim()
    .min(1, { error: `must not be empty: write the ${field}` });
}

const FIELDS = 'title, description, source, license, retrieved, illustrative, missing, skipRows, note, columns';

export const COLUMN_TYPES = ['number', 'integer', 'date', 'string', 'percent'] as const;

export const columnSchema = z.strictObject({
  /** How every cell is read: number (1,234.5 or 3.6e16), integer, date (2024, 2024-03, 2024 Q1,
   *  March 2024, 2024-03-31), string, or percent ("61%" or 61, stored as 61). */
  type: z.enum(COLUMN_TYPES, {
    error: (iss) => `expected one of ${COLUMN_TYPES.join(', ')}, received ${describe(iss.input)}`,
  }),
  /** Unit shown beside values and on axes, e.g. "USD bn", "TWh", "%"; percent columns default to "%". */
  unit: z.string().trim().min(1).optional(),
  /** Human label for axes, tables and the /data/ page; defaults to the column name. */
  label: z.string().trim().min(1).optional(),
  /** Default display format: a d3-format specifier for numbers (",.1f") or d3-time-format for dates ("%Y Q%q"). */
  format: z.string().min(1).optional(),
});

const missingSchema = z
  .union([z.string(), z.array(z.string())], {
    error: (iss) => `expected a value or a list of values such as ["n/a", "--"], received ${describe(iss.input)}`,
  })
  .transform((value) => (Array.isArray(value) ? value : [value]));

export const datasetMetaSchema = z
  .strictObject({
    /** Title shown on the /data/ page and as the default chart source line. */
    title: text('title'),
    /** One or two sentences: what a row is, what the figures measure. */
    description: text('description'),
    /** Who published the figures. Required unless `illustrative: true`. */
    source: z
      .strictObject({
        /** Publisher and document, e.g. "Lawrence Berkeley National Laboratory, 2024 United States Data Center Energy Usage Report". */
        name: text('source.name'),
        /** Where a reader can check the figures. */
        url: z.url({ error: 'expected an absolute URL such as https://example.com/report' }),
      })
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
    skipRows: z.int().min(0).default(0),
    /** Extra context shown under every chart of this dataset. */
    note: z.string().trim().min(1).optional(),
    /** How to read each column, by its header name. Columns not listed are kept as text. */
    columns: z.record(z.string(), columnSchema, {
      error: (iss) =>
        iss.input === undefined
          ? 'required: add `columns:` with a `type` for each column, e.g. `capex_bn: { type: number, unit: USD bn }`'
          : undefined,
    }),
  }, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}: allowed fields are ${FIELDS}`
        : undefined,
  })
  .superRefine((meta, ctx) => {
    if (!meta.illustrative && !meta.source) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'required: add `source: { name: "...", url: "https://..." }`, or `illustrative: true` if the figures are not from a public source',
      });
    }
  });

export type ColumnType = (typeof COLUMN_TYPES)[number];
export type ColumnMeta = z.infer<typeof columnSchema>;
export type DatasetMetaInput = z.input<typeof datasetMetaSchema>;
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;
