// A news item in the store (content/news/YYYY-MM.json): what ingest keeps from a feed entry after
// normalising, classifying and clustering it. Read by the site's news wire, the company pages and
// the newsletter digest. Every text field is plain text: no feed HTML is ever stored.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase id such as "semiengineering"');

/** An instant written as ISO 8601 in UTC with milliseconds, e.g. "2026-11-03T14:05:00.000Z". */
export const IsoUtcSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'expected an ISO UTC instant such as "2026-11-03T14:05:00.000Z"');

/** An absolute http(s) URL: the only links a feed may contribute. */
export const HttpUrlSchema = z.string().refine((value) => /^https?:\/\/[^\s]+$/i.test(value), {
  message: 'expected an absolute http(s) URL',
});

export const NewsItemSchema = z.strictObject({
  /** Stable id: 16 hex digits of the SHA-256 of the canonical URL (of the guid when there is no link; of both when entries of one feed share a page). */
  id: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits'),
  /** Canonical link: absolute, http(s), tracking parameters and fragment removed. */
  url: HttpUrlSchema,
  /** Headline as plain text, entities decoded and whitespace collapsed. */
  title: z.string().min(1).max(500),
  /** Plain-text summary of at most 400 characters, cut at a word boundary; may be empty. */
  summary: z.string().max(400),
  /** Id of the source in content/sources.yaml that first brought the item. */
  source: slug,
  /** Display name of that source, e.g. "Semiconductor Engineering". */
  sourceName: z.string().min(1),
  /** Byline when the feed gives one, as plain text. */
  author: z.string().min(1).optional(),
  /** Publication instant (fallbacks: updated, dc:date, first seen); never later than first seen. */
  published: IsoUtcSchema,
  /** When ingest first stored the item; kept unchanged on later runs. */
  firstSeen: IsoUtcSchema,
  /** Topic ids from content/taxonomy.yaml, best match first. */
  topics: z.array(slug),
  /** Company ids from content/taxonomy.yaml named in the title or summary, sorted. */
  companies: z.array(slug),
  /** Id of the story cluster: the id of its earliest item, so it is stable as the cluster grows. */
  clusterId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Number of distinct sources that covered the story (1 when only this source did); the digest ranks by it. */
  clusterSize: z.number().int().min(1),
});

export type NewsItem = z.infer<typeof NewsItemSchema>;

/** One month's shard of the store, as written to content/news/YYYY-MM.json. */
export const NewsShardSchema = z.strictObject({
  /** The month every item's `published` falls in, "YYYY-MM". */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Items sorted newest first, then by id. */
  items: z.array(NewsItemSchema),
});

export type NewsShard = z.infer<typeof NewsShardSchema>;
