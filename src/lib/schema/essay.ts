// An essay's frontmatter: content/essays/<slug>.mdx. Allowed topics, companies and authors come
// from the taxonomy and the authors folder, so the schema is made per build from that context.
import { z } from 'zod';
import { date, listOf, oneOf, text } from './fields.ts';

export interface EssayContext {
  topics: readonly string[];
  companies: readonly string[];
  authors: readonly string[];
  datasets?: readonly string[];
}

const TAG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function essaySchema(ctx: EssayContext) {
  return z.strictObject(
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
      /** Free lowercase tags, e.g. [hbm, packaging]. */
      tags: z
        .array(z.string().regex(TAG, { error: 'expected a lowercase tag with hyphens, such as "co-packaged-optics"' }))
        .default([]),
      /** Drafts appear in `npm run dev` only, never in a production build. */
      draft: z.boolean({ error: 'expected true or false' }).default(false),
      /** The featured essay leads the home page (the newest featured one wins). */
      featured: z.boolean({ error: 'expected true or false' }).default(false),
      /** Canonical URL when the essay first appeared elsewhere. */
      canonical: z.url({ error: 'expected an absolute URL such as https://example.com/post' }).optional(),
      /** Dataset name (content/data/<name>.csv) charted on the social card. */
      hero: ctx.datasets ? oneOf('dataset', ctx.datasets, 'content/data/').optional() : z.string().optional(),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}: allowed fields are title, dek, date, updated, authors, topics, companies, tags, draft, featured, canonical, hero`
          : undefined,
    },
  );
}

export type EssayData = z.infer<ReturnType<typeof essaySchema>>;
