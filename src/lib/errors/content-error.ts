// The error a user sees when content is invalid: every problem on its own line, no stack trace.
export class ContentError extends Error {
  override name = 'ContentError';
  readonly problems: string[];

  constructor(problems: string[], hint = 'Fix the fields above, then run `npm run check` again.') {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the content:\n  ${problems.join('\n  ')}\n${hint}`);
    this.problems = problems;
  }
}
