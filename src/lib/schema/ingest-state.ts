// The ingest state file (content/news/.state.json): what a run must remember about each source for
// the next one. It holds no run timestamps (no "last attempted at"): a time that changed on every run
// would rewrite the file, and a commit, for a 304, a resting source or an unchanged feed. Only what the
// next run acts on changes it: validators, the failure count and reason, and the end of a rest.
import { z } from 'zod';

export const SourceStateSchema = z.strictObject({
  /** ETag of the last 200 response, sent back as If-None-Match. */
  etag: z.string().optional(),
  /** Last-Modified of the last 200 response, sent back as If-Modified-Since. */
  lastModified: z.string().optional(),
  /** Consecutive failed runs; reset by a success. Drives the backoff. */
  failures: z.number().int().min(0).default(0),
  /** Why the last run failed, e.g. `[GET] "https://x/feed": 503 Service Unavailable`. */
  lastError: z.string().optional(),
  /** Do not request the source before this instant (Retry-After or backoff), ISO UTC. */
  retryAfter: z.string().optional(),
});

export const IngestStateSchema = z.strictObject({
  /** Format version, bumped when the shape changes. */
  version: z.literal(1),
  /** Per-source state keyed by source id. */
  sources: z.record(z.string(), SourceStateSchema),
});

export type SourceState = z.infer<typeof SourceStateSchema>;
export type IngestState = z.infer<typeof IngestStateSchema>;
