// The two ways data goes wrong, each with its own error class: a dataset that does not load
// (DatasetError: bad meta, bad cell) and an essay embed that points at something that is not there
// (EmbedError: unknown dataset or column, bad format, empty filter). Both carry every problem as
// one line and a hint with the fix, and never need a stack trace to be understood.

export interface DataErrorOptions {
  /** The fix, shown after the problems. */
  hint?: string;
  cause?: unknown;
}

const MAX_LINES = 20;

function compose(problems: readonly string[], hint: string | undefined): string {
  const shown = problems.slice(0, MAX_LINES);
  if (problems.length > MAX_LINES) shown.push(`... and ${problems.length - MAX_LINES} more`);
  return hint ? `${shown.join('\n')}\nhint: ${hint}` : shown.join('\n');
}

export class DatasetError extends Error {
  override name = 'DatasetError';
  readonly problems: readonly string[];
  readonly hint: string | undefined;
  constructor(problems: string | readonly string[], options: DataErrorOptions = {}) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(compose(list, options.hint), { cause: options.cause });
    this.problems = list;
    this.hint = options.hint;
    this.stack = `${this.name}: ${this.message}`;
  }
}

export interface EmbedErrorOptions extends DataErrorOptions {
  /** The essay or issue, relative to the project root. */
  file?: string | undefined;
  /** The element as the author wrote it, reduced to the attribute at fault: `<LineChart y="capex_nb">`. */
  tag?: string | undefined;
  /** The attribute at fault, so a checker can point at its line and column. */
  prop?: string | undefined;
}

/** `<LineChart y="capex_nb">`: the component with the one attribute a message is about. */
export function embedTag(component: string, prop?: string, value?: unknown): string {
  if (!prop || value === undefined) return `<${component}>`;
  const shown = typeof value === 'string' ? JSON.stringify(value) : `{${JSON.stringify(value) ?? String(value)}}`;
  return `<${component} ${prop}=${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}>`;
}

/**
 * An embed that points at something that is not there. The message is
 * `<file>: <tag>: <detail>`; `npm run check` prints `<file>:<line>:<col>: <tag>: <detail>` from the
 * same parts, so check, build and dev server say the same thing.
 */
export class EmbedError extends Error {
  override name = 'EmbedError';
  readonly hint: string | undefined;
  readonly file: string | undefined;
  readonly tag: string | undefined;
  readonly prop: string | undefined;
  /** The problem without file and tag. */
  readonly detail: string;
  constructor(detail: string, options: EmbedErrorOptions = {}) {
    const where = [options.file ?? (options.tag ? '(essay file not given)' : undefined), options.tag].filter(Boolean).join(': ');
    super(compose([where ? `${where}: ${detail}` : detail], options.hint), { cause: options.cause });
    this.hint = options.hint;
    this.file = options.file;
    this.tag = options.tag;
    this.prop = options.prop;
    this.detail = detail;
    // A content mistake, not a bug: where it happened in our code helps no author, so a build that
    // meets one while rendering (a prop only known then) prints the message alone.
    this.stack = `${this.name}: ${this.message}`;
  }
}
