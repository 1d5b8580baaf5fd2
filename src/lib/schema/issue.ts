// A newsletter issue's frontmatter: content/issues/<number>-<slug>.mdx. Drafted by `npm run digest`,
// finished by an editor. Allowed authors come from content/authors, so the schema is made per build.
import { z } from 'zod';
import { describe } from '../errors/describe.ts';
import { date, listOf, text } from './fields.ts';

export interface IssueContext {
  authors: readonly string[];
}

/** ISO 8601 week, e.g. "2026-W47": the week whose news the issue covers. */
export const ISO_WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

const FIELDS = 'number, title, dek, preheader, date, week, authors, draft';

export function issueSchema(ctx: IssueContext) {
  return z.strictObject(
    {
      /** Issue number, 1, 2, 3…: the URL (/issues/3/), the email file and the file name prefix. */
      number: z
        .number({
          error: (iss) =>
            iss.input === undefined ? 'required: add `number: 1` (the issue number)' : `expected a whole number such as 12, received ${describe(iss.input)}`,
        })
        .int({ error: 'expected a whole number such as 12' })
        .min(1, { error: 'expected a number from 1 up' }),
      /** Subject line of the email and headline of the issue page. */
      title: text('title'),
      /** One sentence under the title on the page and in the archive. */
      dek: text('dek'),
      /** Inbox preview text shown after the subject; defaults to the dek. Keep it under about 100 characters. */
      preheader: z
        .string({ error: (iss) => `expected text, received ${describe(iss.input)}` })
        .trim()
        .min(1)
        .max(150, { error: 'keep the preheader under 150 characters: inboxes cut it anyway' })
        .optional(),
      /** Send date; production builds leave the issue out until this date. */
      date: date('date'),
      /** The ISO week of news it covers, e.g. "2026-W47". */
      week: z
        .string({
          error: (iss) =>
            iss.input === undefined
              ? 'required: add `week: "2026-W47"` (the ISO week of news covered)'
              : `expected an ISO week such as "2026-W47", received ${describe(iss.input)}`,
        })
        .regex(ISO_WEEK, { error: (iss) => `expected an ISO week such as "2026-W47", received ${describe(iss.input)}` }),
      /** Editors signing the issue: file names in content/authors/ without .yaml. */
      authors: listOf('author', ctx.authors, 'content/authors/').min(1, { error: 'list at least one author' }),
      /** Drafts appear in `npm run dev` only; the digest writes `draft: true`. */
      draft: z.boolean({ error: 'expected true or false' }).default(false),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}: allowed fields are ${FIELDS}`
          : undefined,
    },
  );
}

export type IssueData = z.infer<ReturnType<typeof issueSchema>>;

/** "content/issues/007-power-first.mdx" -> 7; undefined when the name has no number prefix. */
export function issueNumberFromFile(file: string): number | undefined {
  const match = /(?:^|\/)(\d+)-[^/]*\.mdx?$/.exec(file) ?? /(?:^|\/)(\d+)\.mdx?$/.exec(file);
  return match ? Number(match[1]) : undefined;
}

// The digest writes these into a draft issue; the content check refuses to publish an issue that
// still holds one. Writer and reader live here, beside the issue schema, so they cannot drift.
/** A placeholder the editor must replace; `npm run check` refuses a published issue that still has one. */
export function placeholder(kind: 'INTRO' | 'TAKE', hint: string): string {
  return `{/* ${kind}: ${hint.replace(/\*\//g, '* /')} */}`;
}

/** Finds placeholders left in an issue body, with their 1-based line numbers. */
export function findPlaceholders(body: string): Array<{ kind: string; line: number }> {
  const found: Array<{ kind: string; line: number }> = [];
  body.split(/\r?\n/).forEach((line, i) => {
    for (const match of line.matchAll(/\{\/\*\s*(INTRO|TAKE):/g)) found.push({ kind: match[1] as string, line: i + 1 });
  });
  return found;
}
