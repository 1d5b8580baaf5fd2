// One formatter for every piece of outside data (frontmatter, YAML config, feeds, CSV meta):
// one line per problem, `file: path: message`, so an author can go straight to the fix.
import type { z } from 'zod';

export interface FormatIssuesOptions {
  /** The file being checked, relative to the project root, e.g. "content/essays/foo.mdx". */
  file: string;
}

/** Renders a zod issue path as `topics[1]` or `links[0].url`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>, { file }: FormatIssuesOptions): string[] {
  return issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
}
