// An essay's frontmatter: content/essays/<slug>.mdx. Allowed topics, companies and authors come
// from the taxonomy and the authors folder, so the schema is made per build from that context.
import { z } from 'zod';
import { describe } from '../errors/describe.ts';
import { didYouMean } from '../errors/suggest.ts';
import { date, listOf, oneOf, text } from './fields.ts';

export interface EssayContext {
  topics: readonly string[];
  companies: readonly string[];
  authors: readonly string[];
  datasets?: readonly string[];
}

const TAG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const FIELDS = 'title, dek, date, updated, authors, topics, companies, disclosures, corrections, tags, draft, featured, canonical, hero';

/** What an author holds in a company the essay names: shares (long) or a short position. */
export const POSITIONS = ['long', 'short'] as const;
export type Position = (typeof POSITIONS)[number];

const DISCLOSURE_EXAMPLE = '[{ company: nvidia, position: long }]';

/** One author's disclosure: "none", or their positions in companies the essay names. */
function disclosureEntry(companies: readonly string[]) {
  const holding = z.strictObject(
    {
      /** A company id from the taxonomy; the essay must name it in `companies`. */
      company: oneOf('company', companies, 'content/taxonomy.yaml'),
      /** long: the author owns shares or a derivative that gains when they rise; short: the opposite. */
      position: z.enum(POSITIONS, { error: (iss) => `expected "long" or "short", received ${describe(iss.input)}` }),
      /** How it is held, when that matters, e.g. "through a family trust". */
      note: z
        .string({ error: (iss) => `expected text, received ${describe(iss.input)}` })
        .trim()
        .min(1)
        .optional(),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')} in a position: allowed fields are company, position, note`
          : iss.code === 'invalid_type'
            ? `expected a position such as { company: nvidia, position: long }, received ${describe(iss.input)}`
            : undefined,
    },
  );
  const holdings = z.array(holding).min(1, { error: `an empty list discloses nothing: write "none", or list positions such as ${DISCLOSURE_EXAMPLE}` });
  // A custom entry rather than a union, so a mistake inside a list is reported where it is, not as "invalid input".
  return z.custom<unknown>().transform((input, ctx): 'none' | z.infer<typeof holdings> => {
    if (input === 'none') return 'none';
    if (Array.isArray(input)) {
      const parsed = holdings.safeParse(input);
      if (parsed.success) return parsed.data;
      ctx.issues.push(...(parsed.error.issues as typeof ctx.issues));
      return z.NEVER;
    }
    ctx.issues.push({
      code: 'custom',
      input,
      message:
        typeof input === 'string' && input.trim().toLowerCase() === 'none'
          ? 'write "none" in lower case'
          : `expected "none" or a list of positions such as ${DISCLOSURE_EXAMPLE}, received ${describe(input)}`,
    });
    return z.NEVER;
  });
}

/** A correction printed at the head of the essay, in its feeds and on /corrections/. */
const correction = z.strictObject(
  {
    /** The day the correction was made, YYYY-MM-DD. */
    date: date('date'),
    /** What was wrong and what it now says, as one or two plain sentences. */
    text: text('text'),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')} in a correction: allowed fields are date, text`
        : iss.code === 'invalid_type'
          ? `expected a correction such as { date: 2026-03-14, text: "An earlier version gave ..." }, received ${describe(iss.input)}`
          : undefined,
  },
);

export function essaySchema(ctx: EssayContext) {
  return z
    .strictObject(
      {
        /** Headline; also the page <title> and the social card. */
        title: text('title'),
        /** Standfirst: one sentence saying what the essay argues. */
        dek: text('dek'),
        /** Publication date; production builds leave the essay out until this date. */
        date: date('date'),
        /** Date of the last substantive revision, shown beside the date. */
        updated: date('updated').optional(),
        /** Author ids: file names in content/authors/ without .yaml. */
        authors: listOf('author', ctx.authors, 'content/authors/').min(1, { error: 'list at least one author' }),
        /** Topic ids from content/taxonomy.yaml. */
        topics: listOf('topic', ctx.topics, 'content/taxonomy.yaml').min(1, { error: 'list at least one topic' }),
        /** Company ids from content/taxonomy.yaml named by the essay. */
        companies: listOf('company', ctx.companies, 'content/taxonomy.yaml').default([]),
        /**
         * Each author's positions in the companies the essay names, by author id: "none", or a list such
         * as [{ company: nvidia, position: long }]. Required once the essay names a company.
         */
        disclosures: z
          .record(z.string(), disclosureEntry(ctx.companies), {
            error: (iss) => `expected one entry per author, such as \`${ctx.authors[0] ?? 'mara-okafor'}: none\`, received ${describe(iss.input)}`,
          })
          .optional(),
        /** Corrections made after publication, each { date, text }; shown at the head of the essay. */
        corrections: z
          .array(correction, { error: (iss) => `expected a list such as [{ date: 2026-03-14, text: "..." }], received ${describe(iss.input)}` })
          .default([]),
        /** Free lowercase tags, e.g. [hbm, packaging]. */
        tags: z.array(z.string().regex(TAG, { error: 'expected a lowercase tag with hyphens, such as "co-packaged-optics"' })).default([]),
        /** Drafts appear in `npm run dev` only, never in a production build. */
        draft: z.boolean({ error: 'expected true or false' }).default(false),
        /** The featured essay leads the home page (the newest featured one wins). */
        featured: z.boolean({ error: 'expected true or false' }).default(false),
        /** Canonical URL when the essay first appeared elsewhere. */
        canonical: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.com/post' }).optional(),
        /** Dataset name (content/data/<name>.csv) charted on the social card. */
        hero: ctx.datasets ? oneOf('dataset', ctx.datasets, 'content/data/').optional() : z.string().optional(),
      },
      {
        error: (iss) =>
          iss.code === 'unrecognized_keys'
            ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}: allowed fields are ${FIELDS}`
            : undefined,
      },
    )
    .superRefine((essay, issues) => {
      if (essay.updated && essay.updated < essay.date) {
        const day = (d: Date) => d.toISOString().slice(0, 10);
        issues.addIssue({
          code: 'custom',
          path: ['updated'],
          input: essay.updated,
          message: `${day(essay.updated)} is before the essay's date (${day(essay.date)}): updated is the day of a revision after publication; correct it, or remove it`,
        });
      }
      checkResearchConventions(essay, ctx, issues);
    });
}

type Checked = { date: Date; authors: string[]; companies: string[]; disclosures?: Record<string, unknown> | undefined; corrections: Array<{ date: Date }> };

/**
 * Disclosures name every author once and only the companies the essay names; an essay that names a
 * company must have them. Corrections come after publication. The issue's `params.line` tells the
 * content check which key's line to point at when the field itself is absent.
 */
function checkResearchConventions(essay: Checked, known: EssayContext, ctx: z.RefinementCtx) {
  const { authors, companies, disclosures } = essay;
  // An unknown author is reported by `authors`; matching disclosures to a misspelt list would only add noise.
  if (authors.some((a) => !known.authors.includes(a))) return;
  if (!disclosures) {
    if (companies.length > 0) {
      const none = `{ ${authors.map((a) => `${a}: none`).join(', ')} }`;
      ctx.addIssue({
        code: 'custom',
        path: ['disclosures'],
        params: { line: 'companies' },
        message: `required because the essay names companies (${companies.join(', ')}): add \`disclosures: ${none}\`, or list an author's positions, e.g. \`${authors[0]}: [{ company: ${companies[0]}, position: long }]\``,
      });
    }
  } else {
    for (const author of authors) {
      if (!(author in disclosures))
        ctx.addIssue({
          code: 'custom',
          path: ['disclosures'],
          message: `no disclosure for ${author}, an author of the essay: add \`${author}: none\` or their positions`,
        });
    }
    for (const [key, entry] of Object.entries(disclosures)) {
      if (!authors.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['disclosures', key],
          message: `"${key}" is not an author of this essay${didYouMean(key, authors)} Authors: ${authors.join(', ')}`,
        });
      }
      if (!Array.isArray(entry)) continue;
      entry.forEach((holding: { company: string }, i) => {
        if (!companies.includes(holding.company))
          ctx.addIssue({
            code: 'custom',
            path: ['disclosures', key, i, 'company'],
            message: `"${holding.company}" is not among the companies the essay names (${companies.join(', ') || 'none'}): add it to \`companies\` or remove the position`,
          });
      });
    }
  }
  essay.corrections.forEach((c, i) => {
    if (c.date.getTime() < essay.date.getTime())
      ctx.addIssue({
        code: 'custom',
        path: ['corrections', i, 'date'],
        message: `a correction cannot predate the essay (${essay.date.toISOString().slice(0, 10)}): give the day the correction was made`,
      });
  });
}

export type EssayData = z.infer<ReturnType<typeof essaySchema>>;
