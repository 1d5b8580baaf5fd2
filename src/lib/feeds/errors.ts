// One error class per failure domain of ingest, each with a message a person can act on.

/** A request that did not produce a usable response; reads `[GET] "url": 404 Not Found`. */
export class FetchError extends Error {
  override name = 'FetchError';
  readonly url: string;
  /** HTTP status when the server answered, undefined for network errors and timeouts. */
  readonly status: number | undefined;
  /** Milliseconds the server asked us to wait (Retry-After on 429/503). */
  readonly retryAfterMs: number | undefined;
  /**
   * True when no server was reached (DNS failure, connection refused or reset, no route, connect
   * timeout): the fault may be this machine's network rather than the source's.
   */
  readonly network: boolean;

  constructor(url: string, reason: string, options: { status?: number; retryAfterMs?: number; network?: boolean; cause?: unknown } = {}) {
    super(`[GET] "${url}": ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.url = url;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.network = options.network ?? false;
  }
}

/** A document that could not be read as a feed: not a feed at all, malformed, or too large once decompressed. */
export class FeedError extends Error {
  override name = 'FeedError';
  /** "not-a-feed" for an HTML page or other XML; "invalid" for a feed that does not parse; "too-large". */
  readonly kind: 'not-a-feed' | 'invalid' | 'too-large';
  /** For an HTML page, the feed it advertises with <link rel="alternate">, if any. */
  readonly alternate: string | undefined;

  constructor(kind: FeedError['kind'], message: string, options: { alternate?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.alternate = options.alternate;
  }
}

/** The sources configuration is invalid: one line per problem, file and field named. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the ingest configuration:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** Another ingest holds the store's lock. */
export class LockError extends Error {
  override name = 'LockError';
}
