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
  }
}

export class EmbedError extends Error {
  override name = 'EmbedError';
  readonly hint: string | undefined;
  constructor(problem: string, options: DataErrorOptions = {}) {
    super(compose([problem], options.hint), { cause: options.cause });
    this.hint = options.hint;
  }
}
