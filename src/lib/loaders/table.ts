// What a connector hands to the shaping steps: the source's rows as plain records, with the column
// names in the source's order (so an error can list them) and where they came from (for messages).

export type Value = string | number | boolean | null;
export type SourceRow = Record<string, Value>;

export interface SourceTable {
  /** Column names as the source writes them, in its order. */
  columns: string[];
  rows: SourceRow[];
  /** The URL the rows were read from (without secrets such as an API key). */
  url: string;
  /** Things worth telling the editor that do not stop the run: a missing quarter, a restated figure. */
  warnings?: string[];
}

/** The output of a loader: CSV columns in order and rows of cells as they will be written. */
export interface OutputTable {
  columns: string[];
  rows: Array<Record<string, string | number | null>>;
}

/** A source that does not have what the loader asks for: the reason, to be prefixed with dataset and URL. */
export class SourceFormatError extends Error {
  override name = 'SourceFormatError';
  /** The URL at fault, when it is not the loader's own (one company's facts among several). */
  readonly url: string | undefined;
  constructor(reason: string, options: { url?: string | undefined } = {}) {
    super(reason);
    this.url = options.url;
  }
}
