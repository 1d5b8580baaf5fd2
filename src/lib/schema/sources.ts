// The ingest configuration: content/sources.yaml (real feeds) or content/sources.demo.yaml (fixture
// feeds in the repo). Topic ids come from the taxonomy, so the schema is made from that context.
import { z } from 'zod';
import { describe } from '../errors/describe.ts';
import { suggest } from '../errors/suggest.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** True for an http(s) URL; false for a local path. */
export function isHttpLocation(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

const location = z.string({ error: (iss) => `expected an http(s) URL or a file path, received ${describe(iss.input)}` }).superRefine((value, ctx) => {
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  // One-letter "schemes" are Windows drive letters, which are paths.
  const ok =
    value.trim() !== '' &&
    (scheme === undefined || scheme.length === 1 || scheme === 'file' || ((scheme === 'http' || scheme === 'https') && URL.canParse(value)));
  if (!ok) ctx.addIssue({ code: 'custom', input: value, message: `expected an http(s) URL or a file path, received ${describe(value)}` });
});

const positiveInt = (what: string) =>
  z
    .number({ error: (iss) => `expected ${what}, received ${describe(iss.input)}` })
    .int()
    .positive();

export const IngestDefaultsSchema = z.strictObject({
  /** Give up on a request after this many milliseconds (connect, headers and body together). Default 15000. */
  timeout_ms: positiveInt('a number of milliseconds such as 15000').default(15_000),
  /** Largest body accepted, in bytes, enforced while streaming and after decompression. Default 10 MiB. */
  max_bytes: positiveInt('a number of bytes such as 10485760').default(10 * 1024 * 1024),
  /** Requests in flight at once across all sources. Default 8. */
  concurrency: positiveInt('a whole number such as 8').default(8),
  /** Requests in flight at once to one host. Default 2. */
  per_host: positiveInt('a whole number such as 2').default(2),
  /** Redirects followed before giving up. Default 5. */
  max_redirects: z.number().int().min(0).max(20).default(5),
  /** Items older than this many days are dropped from the store. Default 365. */
  retention_days: positiveInt('a number of days such as 365').default(365),
});

export interface SourcesContext {
  /** Topic ids defined in content/taxonomy.yaml. */
  topics: readonly string[];
}

export function sourcesConfigSchema(ctx: SourcesContext) {
  const topic = z.string().superRefine((value, issue) => {
    if (ctx.topics.includes(value)) return;
    const hint = suggest(value, ctx.topics);
    issue.addIssue({
      code: 'custom',
      input: value,
      message: `unknown topic ${describe(value)}${hint ? `; did you mean "${hint}"?` : ''} Allowed: ${ctx.topics.join(', ')} (defined in content/taxonomy.yaml)`,
    });
  });

  const SourceSchema = z.strictObject({
    /** Stable id, stored on every item as `source`, e.g. "semiengineering". */
    id: z.string({ error: 'required: add `id: my-source` (lowercase letters, digits, hyphens)' }).refine((v) => ID.test(v), {
      error: (iss) => `expected a lowercase id such as "semiengineering" (letters, digits, hyphens), received ${describe(iss.input)}`,
    }),
    /** Display name shown on the news wire, e.g. "Semiconductor Engineering". */
    name: z.string({ error: 'required: add `name: "Publisher name"`' }).min(1, 'must not be empty: write the publisher name'),
    /** Feed location: an http(s) URL, or a file path relative to the config file. */
    url: location,
    /** The source's beat: topics it mostly covers. Used for items of keep_all sources that match nothing. */
    topics: z.array(topic, { error: 'expected a list of topic ids such as [chips, energy]' }).default([]),
    /** Authority of the source, from 0 to 3; multiplies its keyword scores. Default 1. */
    weight: z
      .number({ error: (iss) => `expected a number from 0 to 3, received ${describe(iss.input)}` })
      .min(0)
      .max(3)
      .default(1),
    /** Keep items that match no topic (for sources entirely on our beat). Default false. */
    keep_all: z.boolean({ error: (iss) => `expected true or false, received ${describe(iss.input)}` }).default(false),
    /** Set to false to skip the source without deleting it. Default true. */
    enabled: z.boolean({ error: (iss) => `expected true or false, received ${describe(iss.input)}` }).default(true),
  });

  return z
    .strictObject({
      /** Settings shared by every source. */
      defaults: IngestDefaultsSchema.default(IngestDefaultsSchema.parse({})),
      /** The feeds to ingest. */
      sources: z.array(SourceSchema, { error: 'expected a list of sources under `sources:`' }).min(1, 'list at least one source'),
    })
    .superRefine((config, ctx) => {
      const seen = new Set<string>();
      config.sources.forEach((source, i) => {
        if (seen.has(source.id))
          ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], input: source.id, message: `duplicate id "${source.id}": every source needs its own id` });
        seen.add(source.id);
      });
    });
}

export type SourcesConfig = z.infer<ReturnType<typeof sourcesConfigSchema>>;
export type SourceConfig = SourcesConfig['sources'][number];
export type IngestDefaults = z.infer<typeof IngestDefaultsSchema>;
