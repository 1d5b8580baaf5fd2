// Checks newsletter issues (content/issues/*.mdx) like essays: frontmatter against the schema with
// the line of each bad key, plus what only a set of issues can get wrong: a number that disagrees
// with the file name, two issues with one number or one week, and a published issue that still
// holds the digest's placeholders.
import { formatPath } from '../errors/format-issues.ts';
import { findPlaceholders, issueNumberFromFile, issueSchema } from '../schema/issue.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { SourceFile } from './source-file.ts';

export function checkIssues(issues: readonly SourceFile[], authors: readonly string[]): string[] {
  const schema = issueSchema({ authors });
  const problems: string[] = [];
  const numbers = new Map<number, string>();
  const weeks = new Map<string, string>();
  for (const issue of issues) {
    const fm = splitFrontmatter(issue.text);
    if (fm.errors.length) {
      problems.push(...fm.errors.map((e) => `${issue.file}:${e}`));
      continue;
    }
    const parsed = schema.safeParse(fm.data);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const path = problem.code === 'unrecognized_keys' ? [problem.keys[0] ?? ''] : problem.path;
        const line = fm.lines[String(path[0] ?? '')];
        problems.push(`${issue.file}${line ? `:${line}` : ''}: ${formatPath(path)}: ${problem.message}`);
      }
      continue;
    }
    const { number, week, draft } = parsed.data;
    const at = (key: string) => `${issue.file}${fm.lines[key] ? `:${fm.lines[key]}` : ''}`;
    const fromName = issueNumberFromFile(issue.file);
    if (fromName === undefined) problems.push(`${issue.file}: name the file after its number, such as content/issues/${String(number).padStart(3, '0')}-${week.toLowerCase()}.mdx`);
    else if (fromName !== number) problems.push(`${at('number')}: number: the file name says issue ${fromName} but the frontmatter says ${number}: make them agree`);
    const sameNumber = numbers.get(number);
    if (sameNumber) problems.push(`${at('number')}: number: issue ${number} is already ${sameNumber}: give this issue the next free number`);
    else numbers.set(number, issue.file);
    const sameWeek = weeks.get(week);
    if (sameWeek) problems.push(`${at('week')}: week: ${week} is already covered by ${sameWeek}`);
    else weeks.set(week, issue.file);
    if (!draft) {
      // The body starts after the frontmatter: count its lines to point at the placeholder itself.
      const offset = issue.text.slice(0, issue.text.length - fm.body.length).split('\n').length - 1;
      for (const mark of findPlaceholders(fm.body))
        problems.push(`${issue.file}:${mark.line + offset}: the ${mark.kind === 'TAKE' ? 'take' : 'introduction'} is still a placeholder: write it, or keep \`draft: true\` until it is done`);
    }
  }
  return problems;
}
