// The message `npm run send` hands to nodemailer: both parts of a built issue, the subject from the
// HTML's <title>, and the headers bulk mail needs (List-Unsubscribe with one-click unsubscribe, or
// Gmail and Yahoo may refuse it).
import type { SendMailOptions } from 'nodemailer';

export interface MessageInput {
  html: string;
  text: string;
  from: string;
  to: readonly string[];
  /** mailto: or https: unsubscribe address, as in the email's footer. */
  unsubscribe: string;
  /**
   * https: address that takes RFC 8058's one-click POST, for this message's recipients (see
   * oneClickUrl). It goes first in List-Unsubscribe, with List-Unsubscribe-Post beside it.
   */
  oneClick?: string | undefined;
  /** Absolute URL of the page, for List-Archive-style context. */
  archiveUrl: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The <title> of a built email, entities decoded: the subject line. */
export function subjectFromHtml(html: string): string | undefined {
  const raw = /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (!raw) return undefined;
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#x') || name.startsWith('#X')
        ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? String.fromCodePoint(Number(name.slice(1)))
          : (ENTITIES[name.toLowerCase()] ?? whole),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildMessage(input: MessageInput): SendMailOptions {
  const subject = subjectFromHtml(input.html);
  if (!subject) throw new Error('the email has no <title> to use as its subject: rebuild it with `npm run build`');
  return {
    from: input.from,
    to: [...input.to],
    subject,
    text: input.text,
    html: input.html,
    headers: {
      // RFC 2369: each address in angle brackets, in order of preference; a client offers the first it can use.
      'List-Unsubscribe': [...new Set([input.oneClick, input.unsubscribe].filter((a): a is string => !!a))].map((a) => `<${a}>`).join(', '),
      // RFC 8058: the https address above unsubscribes on a POST of exactly this body, with no further step.
      ...(input.oneClick ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
      'List-Archive': `<${input.archiveUrl}>`,
    },
  };
}
