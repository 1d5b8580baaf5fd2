// The `loader:` field of a dataset's meta file: where `npm run data` fetches the figures (a
// connector and its options) and how it shapes them into the committed CSV (filter, melt, columns).
// One object for every connector, so a field of another connector is named as such rather than
// reported as unknown; which fields each connector takes is in CONNECTOR_FIELDS.
import { z } from 'zod';
import { describe } from '../errors/describe.ts';
import { didYouMean } from '../errors/suggest.ts';

export const CONNECTORS = ['csv', 'json', 'owid', 'eia', 'edgar', 'module'] as const;
export type ConnectorName = (typeof CONNECTORS)[number];

/** Fields every connector takes: the shaping steps, applied in this order after the source is read. */
export const SHAPE_FIELDS = ['where', 'melt', 'columns', 'required', 'key', 'sort', 'provenance'] as const;

/** The fields of each connector besides `connector` and SHAPE_FIELDS. */
export const CONNECTOR_FIELDS: Record<ConnectorName, readonly string[]> = {
  csv: ['url', 'skipRows', 'missing'],
  json: ['url', 'path', 'missing'],
  owid: ['url', 'entities', 'missing'],
  eia: ['route', 'frequency', 'data', 'facets', 'start', 'end', 'base'],
  edgar: ['companies', 'concepts', 'unit', 'since', 'base'],
  module: ['module', 'url'],
};
const REQUIRED: Record<ConnectorName, readonly string[]> = {
  csv: ['url'],
  json: ['url'],
  owid: ['url'],
  eia: ['route', 'data'],
  edgar: ['companies', 'concepts'],
  module: ['module'],
};

export const LOADER_FIELDS = ['connector', ...new Set(Object.values(CONNECTOR_FIELDS).flat()), ...SHAPE_FIELDS] as const;
export const COLUMN_SPEC_FIELDS = ['from', 'scale', 'digits', 'date'] as const;
export const MELT_FIELDS = ['columns', 'name', 'value'] as const;
export const PROVENANCE_FIELDS = ['source', 'license', 'note'] as const;
export const COMPANY_FIELDS = ['cik', 'name', 'concepts'] as const;
export const DATE_GRAINS = ['year', 'quarter', 'month', 'day'] as const;

/** The fields allowed at `path` inside `loader` (path relative to it): for did-you-mean on unknown keys. */
export function loaderFieldsAt(path: ReadonlyArray<PropertyKey>): readonly string[] {
  if (path.length === 0) return LOADER_FIELDS;
  if (path[0] === 'columns' && path.length === 2) return COLUMN_SPEC_FIELDS;
  if (path[0] === 'melt' && path.length === 1) return MELT_FIELDS;
  if (path[0] === 'provenance' && path.length === 1) return PROVENANCE_FIELDS;
  if (path[0] === 'companies' && path.length === 2) return COMPANY_FIELDS;
  return [];
}

const name = (what: string, example: string) =>
  z
    .string({ error: (iss) => `expected ${what} such as ${example}, received ${describe(iss.input)}` })
    .trim()
    .min(1, { error: `must not be empty: write ${what} such as ${example}` });

const url = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.com/data.csv' });
const names = (what: string, example: string) =>
  z.union([name(what, example).transform((v) => [v]), z.array(name(what, example)).min(1, { error: `expected at least one ${what}` })], {
    error: (iss) => `expected ${what} or a list of them, such as [${example}], received ${describe(iss.input)}`,
  });

/** A filter on the source's columns, as embeds write it: a value, a list, or a comparison such as ">= 2000". */
const whereValue = z.union([z.string(), z.number(), z.null(), z.array(z.union([z.string(), z.number(), z.null()]))], {
  error: (iss) => `expected a value, a list or a comparison such as ">= 2000", received ${describe(iss.input)}`,
});

/** One output column, always as an object once parsed. */
export interface ColumnConversion {
  from: string;
  scale?: number | undefined;
  digits?: number | undefined;
  date?: (typeof DATE_GRAINS)[number] | undefined;
}

/** One output column: the source column it comes from, or how to convert it on the way. */
export const columnSpecSchema = z.union(
  [
    name('a source column', '"Year"').transform((from): ColumnConversion => ({ from })),
    z.strictObject({
      /** The source column (after `melt`, also its `name` and `value` columns). */
      from: name('a source column', '"Year"'),
      /** Multiply by this, for a unit change: 1e-9 for USD to USD bn, 1e-12 for byte/s to TB/s. */
      scale: z.number({ error: (iss) => `expected a number such as 1e-9, received ${describe(iss.input)}` }).optional(),
      /** Round to this many decimals (after scaling); float noise such as 0.466999999999999 goes. */
      digits: z
        .int({ error: (iss) => `expected a whole number of decimals such as 2, received ${describe(iss.input)}` })
        .min(0)
        .max(12)
        .optional(),
      /** Read the cell as a date and write it at this grain: 2024, 2024 Q1, 2024-03 or 2024-03-31. */
      date: z.enum(DATE_GRAINS, { error: (iss) => `expected one of ${DATE_GRAINS.join(', ')}, received ${describe(iss.input)}` }).optional(),
    }),
  ],
  { error: (iss) => `expected a source column name or \`{ from: "...", scale: 1e-9, digits: 2 }\`, received ${describe(iss.input)}` },
);

const companySchema = z.strictObject({
  /** The company's Central Index Key at the SEC, e.g. 789019 for Microsoft. */
  cik: z
    .union([z.int().positive(), z.string().regex(/^\d{1,10}$/)], {
      error: (iss) => `expected a CIK, the SEC's number for the company, such as 789019, received ${describe(iss.input)}`,
    })
    .transform(Number),
  /** The name written in the CSV's company column. */
  name: name('a company name', '"Microsoft"'),
  /** Concepts for this company only, where it tags a figure differently, e.g. { capex: [PaymentsToAcquireProductiveAssets] }. */
  concepts: z.record(z.string(), names('an XBRL concept', 'PaymentsToAcquirePropertyPlantAndEquipment')).optional(),
});

const provenanceSchema = z.strictObject({
  /** The source.name the meta gets once the loader has replaced illustrative figures. */
  source: name('a source name', '"SEC EDGAR, company 10-Q and 10-K filings"'),
  /** The licence the meta gets then. */
  license: name('a licence', '"Public domain (US federal)"'),
  /** The note the meta gets then; without it the illustrative note is removed. */
  note: name('a note', '"Q4 derived from the 10-K."').optional(),
});

export const loaderSchema = z
  .strictObject({
    /** Which source format: csv, json, owid (grapher CSV), eia (API v2), edgar (XBRL company facts), module (a TypeScript file beside the dataset). */
    connector: z.enum(CONNECTORS, {
      error: (iss) =>
        iss.input === undefined
          ? `required: add a connector such as \`connector: csv\`. Connectors: ${CONNECTORS.join(', ')}`
          : `unknown connector ${describe(iss.input)}${typeof iss.input === 'string' ? didYouMean(iss.input, CONNECTORS) : ''} Connectors: ${CONNECTORS.join(', ')}`,
    }),
    /** The file fetched (csv, json, owid), or the page a module reads, also written as the meta's source.url. */
    url: url.optional(),
    /** Rows to skip after the source's header (csv), e.g. 1 for a row of units. */
    skipRows: z.int().min(0).optional(),
    /** Source cells that mean "no value", e.g. ["Not Available", "Not Applicable"]; blank cells always do. */
    missing: names('a value', '"Not Available"').optional(),
    /** Where the records are in a JSON document, as a dot path ("response.data"); default the document itself. */
    path: name('a dot path', '"response.data"').optional(),
    /** OWID: only these entities (the Entity or Country column), e.g. [United States, World]. */
    entities: names('an entity', '"United States"').optional(),
    /** EIA: the API v2 route, e.g. electricity/retail-sales or electricity/electric-power-operational-data. */
    route: name('a route', '"electricity/retail-sales"').optional(),
    /** EIA: monthly, quarterly, annual (the route's own frequencies). */
    frequency: name('a frequency', '"monthly"').optional(),
    /** EIA: the data columns, e.g. [price] or [generation]. */
    data: names('a data column', '"price"').optional(),
    /** EIA: facet filters, e.g. { stateid: [US], sectorid: [RES, COM, IND] }. */
    facets: z.record(z.string(), names('a facet value', '"US"')).optional(),
    /** EIA: first and last period, e.g. 2015-01. */
    start: name('a period', '"2015-01"').optional(),
    end: name('a period', '"2025-12"').optional(),
    /** EIA and EDGAR: the API's origin, for a mirror; default https://api.eia.gov/v2 or https://data.sec.gov. */
    base: url.optional(),
    /** EDGAR: the companies, by CIK, with the name the CSV gives them. */
    companies: z
      .array(companySchema, { error: (iss) => `expected a list of companies such as [{ cik: 789019, name: Microsoft }], received ${describe(iss.input)}` })
      .min(1)
      .optional(),
    /** EDGAR: output concept names and the us-gaap concepts that give them, first preferred: { capex: [PaymentsToAcquirePropertyPlantAndEquipment] }. */
    concepts: z.record(z.string(), names('an XBRL concept', 'PaymentsToAcquirePropertyPlantAndEquipment')).optional(),
    /** EDGAR: the unit of the facts, default USD. */
    unit: name('a unit', '"USD"').optional(),
    /** EDGAR: the first calendar year kept. */
    since: z
      .int({ error: (iss) => `expected a year such as 2019, received ${describe(iss.input)}` })
      .min(1990)
      .max(2100)
      .optional(),
    /** A module's file, beside the meta: hyperscaler-capex.loader.ts. Its default export returns the rows. */
    module: name('a file name', '"capex.loader.ts"')
      .regex(/^[\w.-]+\.(?:ts|mjs|js)$/, { error: 'expected a file name beside the meta, such as capex.loader.ts' })
      .optional(),

    /** Keep only the source rows that match, as embeds filter: { Year: ">= 2000", Country: [United States] }. */
    where: z.record(z.string(), whereValue).optional(),
    /** Wide to long: each listed source column becomes a row, with its label in `name` and its cell in `value`. */
    melt: z
      .strictObject({
        columns: z.record(z.string(), name('a source column', '"Electricity from solar (TWh)"')),
        name: name('a column name', '"source"'),
        value: name('a column name', '"twh"'),
      })
      .optional(),
    /** The CSV's columns in order: each from a source column, renamed, and converted if asked. */
    columns: z.record(z.string(), columnSpecSchema, {
      error: (iss) =>
        iss.input === undefined
          ? 'required: add `columns:` naming each CSV column and its source column, e.g. `year: Year`'
          : `expected each CSV column by its name, such as \`columns: { year: Year }\`, received ${describe(iss.input)}`,
    }),
    /** Drop rows where any of these CSV columns is empty. */
    required: names('a column', 'twh').optional(),
    /** The CSV columns that identify a row, for "3 values revised"; default those of type date, string or integer. */
    key: names('a column', 'year').optional(),
    /** Sort the rows by these CSV columns; default the source's order. */
    sort: names('a column', 'year').optional(),
    /** What the meta cites once the loader replaces illustrative figures. */
    provenance: provenanceSchema.optional(),
  })
  .superRefine((loader, ctx) => {
    const own = new Set(['connector', ...CONNECTOR_FIELDS[loader.connector], ...SHAPE_FIELDS]);
    for (const field of Object.keys(loader)) {
      if (own.has(field) || (loader as Record<string, unknown>)[field] === undefined) continue;
      const owners = CONNECTORS.filter((c) => CONNECTOR_FIELDS[c].includes(field));
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `\`${field}\` is a field of the ${owners.join(' and ')} connector, not of ${loader.connector}: remove it, or change the connector`,
      });
    }
    for (const field of REQUIRED[loader.connector]) {
      if ((loader as Record<string, unknown>)[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `required by the ${loader.connector} connector` });
    }
    const outputs = Object.keys(loader.columns);
    for (const field of ['required', 'key', 'sort'] as const) {
      (loader[field] ?? []).forEach((column, i) => {
        if (!outputs.includes(column))
          ctx.addIssue({
            code: 'custom',
            path: [field, i],
            message: `"${column}" is not one of the loader's columns${didYouMean(column, outputs)} Columns: ${outputs.join(', ')}`,
          });
      });
    }
  });

export type LoaderSpec = z.infer<typeof loaderSchema>;
export type ColumnSpec = z.infer<typeof columnSpecSchema>;
