// Checking an embed against its dataset before anything is drawn: the dataset exists, every named
// column exists, every format parses, and the filter leaves rows. Each failure is an EmbedError
// naming the essay, the component, the dataset and the column, and listing the columns there are.
import { suggest } from '../errors/suggest.ts';
import type { Column, Dataset, Row } from './dataset.ts';
import { EmbedError, embedTag, type EmbedErrorOptions } from './errors.ts';
import { formatProblem } from './format.ts';
import { compileWhere, type Where } from './where.ts';

export interface EmbedRequest {
  /** Component name as written in MDX, e.g. "LineChart". */
  component: string;
  /** The essay, relative to the project root; named in every message. */
  file?: string | undefined;
  /** Dataset name: content/data/<data>.csv. */
  data: string;
  /** Columns by the prop that names them, e.g. { x: "quarter", y: "capex_bn", series: "company" }. */
  columns: Readonly<Record<string, string | undefined>>;
  /** Format specifiers by prop, with the prop whose column they format, e.g. { yFormat: ["y", ",.0f"] }. */
  formats?: Readonly<Record<string, readonly [role: string, spec: string | undefined]>>;
  where?: Where | undefined;
  /** "ok" lets a filter leave no rows (the embed then shows an empty state). */
  empty?: 'ok' | undefined;
}

export interface DatasetLookup {
  names(): string[];
  load(name: string): Dataset;
}

export interface ResolvedEmbed {
  dataset: Dataset;
  /** Rows left by the filter, in file order. */
  rows: Row[];
  /** The column behind each prop in `columns` that was given. */
  columns: Record<string, Column>;
}

/** Where a problem with one prop of the request sits: the file, and the tag showing that prop. */
function at(req: EmbedRequest, prop: string, value: unknown, hint?: string): EmbedErrorOptions {
  const name = prop.replace(/[[.].*$/, '');
  return { file: req.file ?? '(essay file not given)', tag: embedTag(req.component, name, value), prop: name, hint };
}

function listing(dataset: Dataset): string {
  return `Columns: ${dataset.columns.map((c) => c.name).join(', ')}`;
}

function unknownColumn(req: EmbedRequest, dataset: Dataset, prop: string, name: string): EmbedError {
  const hint = suggest(
    name,
    dataset.columns.map((c) => c.name),
  );
  const text = `unknown column "${name}" in ${dataset.file}` + (hint ? `; did you mean "${hint}"?` : '.') + ` ${listing(dataset)}`;
  if (prop === 'where') return new EmbedError(text, at(req, 'where', req.where));
  if (prop.startsWith('columns[')) {
    const list = Object.entries(req.columns)
      .filter(([k]) => k.startsWith('columns['))
      .map(([, v]) => v);
    return new EmbedError(`${prop}: ${text}`, at(req, 'columns', list));
  }
  if (prop.startsWith('fmt:')) return new EmbedError(`formats: ${text}`, at(req, 'formats', undefined));
  return new EmbedError(text, at(req, prop, name));
}

export function resolveEmbed(req: EmbedRequest, lookup: DatasetLookup): ResolvedEmbed {
  const names = lookup.names();
  if (!names.includes(req.data)) {
    const hint = suggest(req.data, names);
    throw new EmbedError(
      `unknown dataset "${req.data}"` + (hint ? `; did you mean "${hint}"?` : '.') + ` Datasets: ${names.join(', ') || '(none)'}`,
      at(req, 'data', req.data, 'the data prop names a file content/data/<name>.csv without its extension'),
    );
  }
  const dataset = lookup.load(req.data);
  const byName = new Map(dataset.columns.map((c) => [c.name, c]));
  const columns: Record<string, Column> = {};
  for (const [prop, name] of Object.entries(req.columns)) {
    if (name === undefined) continue;
    const column = byName.get(name);
    if (!column) throw unknownColumn(req, dataset, prop, name);
    columns[prop] = column;
  }
  for (const [prop, [role, spec]] of Object.entries(req.formats ?? {})) {
    const column = columns[role];
    if (spec === undefined || !column) continue;
    const problem = formatProblem(spec, column.type);
    if (problem) {
      const hint =
        column.type === 'date'
          ? 'use a d3-time-format specifier such as "%Y", "%b %Y" or "%Y Q%q"'
          : 'use a d3-format specifier such as ",.1f", "$,.0f" or ".2s"';
      const label = prop.includes('.') ? `${prop}: ` : '';
      throw new EmbedError(
        `${label}${problem} for column "${column.name}" (${column.type}) in ${dataset.file}. ${listing(dataset)}`,
        at(req, prop, label ? undefined : spec, hint),
      );
    }
  }
  const where = req.where ?? {};
  for (const name of Object.keys(where)) if (!byName.has(name)) throw unknownColumn(req, dataset, 'where', name);
  const compiled = compileWhere(where, dataset.columns);
  const bad = compiled.problems[0];
  if (bad) throw new EmbedError(`column "${bad.column}" in ${dataset.file}: ${bad.reason}. ${listing(dataset)}`, at(req, 'where', where));
  const rows = dataset.rows.filter(compiled.test);
  if (rows.length === 0 && req.empty !== 'ok') {
    throw new EmbedError(
      `the filter leaves no rows of ${dataset.file} (${dataset.rows.length} rows before filtering). ${listing(dataset)}`,
      at(req, 'where', where, 'check the filter values against the CSV, or add empty="ok" to show an empty state'),
    );
  }
  return { dataset, rows, columns };
}

/** The essay an embed sits in, for messages: the `file` prop when given, else guessed from the page URL. */
export function embedFile(file: string | undefined, pathname: string): string {
  if (file) return file;
  const essay = /^\/(?:.*\/)?essays\/([^/]+)\/?$/.exec(pathname)?.[1];
  return essay ? `content/essays/${essay}.mdx` : `the page ${pathname}`;
}
