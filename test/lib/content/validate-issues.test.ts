import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/validate.ts';
import type { SourceFile } from '../../../src/lib/content/source-file.ts';
import { files } from './fixtures.ts';

const good: Record<string, string> = { number: '2', title: '"Power sets the pace"', dek: '"The week in AI infrastructure."', date: '2026-11-23', week: '"2026-W47"', authors: '[mara-okafor]', draft: 'false' };

function issue(name: string, fields: Record<string, string | undefined> = {}, body = 'The introduction.\n'): SourceFile {
  const yaml = Object.entries({ ...good, ...fields }).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join('\n');
  return { file: `content/issues/${name}`, text: `---\n${yaml}\n---\n\n${body}` };
}

const problems = (...issues: SourceFile[]) => checkContent({ ...files([]), issues }).problems;

describe('checkContent on issues', () => {
  it('accepts a valid issue and counts it', () => {
    const report = checkContent({ ...files([]), issues: [issue('002-2026-w47.mdx')] });
    expect(report.problems).toEqual([]);
    expect(report.counts.issues).toBe(1);
  });

  it('locates frontmatter mistakes by line, with the fix', () => {
    expect(problems(issue('002-2026-w47.mdx', { week: '"week 47"', authors: '[nobody]', number: undefined }))).toMatchInlineSnapshot(`
      [
        "content/issues/002-2026-w47.mdx: number: required: add \`number: 1\` (the issue number)",
        "content/issues/002-2026-w47.mdx:5: week: expected an ISO week such as "2026-W47", received "week 47"",
        "content/issues/002-2026-w47.mdx:6: authors[0]: unknown author "nobody" Allowed: mara-okafor (defined in content/authors/)",
      ]
    `);
  });

  it('names unknown fields and lists the allowed ones', () => {
    expect(problems(issue('002-2026-w47.mdx', { subject: '"x"' }))).toEqual([
      'content/issues/002-2026-w47.mdx:9: subject: unknown field "subject": allowed fields are number, title, dek, preheader, date, week, authors, draft',
    ]);
  });

  it('requires the file name and the number to agree, and numbers and weeks to be unique', () => {
    expect(problems(issue('003-2026-w47.mdx'), issue('002-2026-w48.mdx'), issue('002-2026-w49.mdx', { week: '"2026-W49"' }))).toEqual([
      'content/issues/003-2026-w47.mdx:2: number: the file name says issue 3 but the frontmatter says 2: make them agree',
      'content/issues/002-2026-w48.mdx:2: number: issue 2 is already content/issues/003-2026-w47.mdx: give this issue the next free number',
      'content/issues/002-2026-w48.mdx:6: week: 2026-W47 is already covered by content/issues/003-2026-w47.mdx',
      'content/issues/002-2026-w49.mdx:2: number: issue 2 is already content/issues/003-2026-w47.mdx: give this issue the next free number',
    ]);
  });

  it('refuses to publish an issue whose takes are still placeholders, pointing at the line', () => {
    const body = 'Intro.\n\n<Story title={"A"} url={"https://a.example/"} source={"A"}>\n  {/* TAKE: one line */}\n</Story>\n';
    expect(problems(issue('002-2026-w47.mdx', {}, body))).toEqual([
      'content/issues/002-2026-w47.mdx:14: the take is still a placeholder: write it, or keep `draft: true` until it is done',
    ]);
    expect(problems(issue('002-2026-w47.mdx', { draft: 'true' }, body))).toEqual([]);
  });
});
