// What a <Story> in an issue shows, shared by the web page and the email so they agree. Props come
// from feed text written by the digest (and maybe edited by hand), so the link is re-checked here.

export interface StoryProps {
  /** Headline as plain text. */
  title: string;
  /** The best source's link; only http(s) is ever linked. */
  url: string;
  /** Display name of that source. */
  source: string;
  /** Day of publication, YYYY-MM-DD. */
  date?: string;
  /** Other sources that covered the story. */
  also?: string[];
}

/** The URL when it is absolute http(s); undefined for javascript:, data:, relative or malformed links. */
export function httpUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim()) || !URL.canParse(url.trim())) return undefined;
  return new URL(url.trim()).href;
}

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Wire Service, 17 Nov; also Trade Journal and Industry Blog". */
export function storyMeta({ source, date, also = [] }: StoryProps): string {
  const day = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? SHORT_DAY.format(new Date(`${date}T00:00:00Z`)) : undefined;
  const others = also.length > 1 ? `${also.slice(0, -1).join(', ')} and ${also.at(-1)}` : also[0];
  return [source, day].filter(Boolean).join(', ') + (others ? `; also ${others}` : '');
}
