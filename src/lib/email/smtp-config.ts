// SMTP settings and the one-click unsubscribe endpoint from the environment, for `npm run send`.
// Pure: takes the environment as data and returns either the settings or the list of what to set,
// so the CLI can say exactly that.
import { oneClickProblem } from './unsubscribe.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** The From header, e.g. "Substation <issues@substation.example>". */
  from: string;
  /** LIST_UNSUBSCRIBE_URL: the https one-click unsubscribe endpoint, {email} standing for the recipient. */
  oneClick?: string;
}

/** Every variable `npm run send` reads, with what it is for; printed when something is missing. */
export const SMTP_ENV = [
  ['SMTP_HOST', 'the SMTP server, e.g. smtp.example.com', true],
  ['SMTP_PORT', 'its port: 587 (STARTTLS, the default), 465 (TLS) or 25', false],
  ['SMTP_USER', 'the login, when the server needs one', false],
  ['SMTP_PASS', 'its password (set together with SMTP_USER)', false],
  ['SMTP_FROM', 'the sender, e.g. "Substation <issues@substation.example>"', true],
  ['SMTP_SECURE', '"true" to force TLS from the start (the default on port 465)', false],
  ['LIST_UNSUBSCRIBE', "the footer's unsubscribe address (default mailto:unsubscribe@<site host>); must match the build", false],
  ['LIST_UNSUBSCRIBE_URL', "https one-click unsubscribe endpoint (RFC 8058; {email} becomes each recipient's address)", false],
  ['SITE_URL', 'the site the issue links to (default https://substation.example), as at build time', false],
] as const;

export type SmtpResult = { ok: true; config: SmtpConfig } | { ok: false; problems: string[] };

export function smtpConfigFromEnv(env: Readonly<Record<string, string | undefined>>): SmtpResult {
  const problems: string[] = [];
  const get = (key: string) => env[key]?.trim() || undefined;
  for (const [key, what, required] of SMTP_ENV) if (required && !get(key)) problems.push(`${key} is not set: ${what}`);
  const port = Number(get('SMTP_PORT') ?? 587);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) problems.push(`SMTP_PORT must be a port number such as 587, received "${get('SMTP_PORT')}"`);
  const user = get('SMTP_USER');
  const pass = env.SMTP_PASS;
  if (user && !pass) problems.push('SMTP_PASS is not set: SMTP_USER needs its password');
  if (!user && pass) problems.push('SMTP_USER is not set: SMTP_PASS was given without a login');
  const secureText = get('SMTP_SECURE');
  if (secureText && !/^(true|false)$/i.test(secureText)) problems.push(`SMTP_SECURE must be true or false, received "${secureText}"`);
  const oneClick = get('LIST_UNSUBSCRIBE_URL');
  const oneClickIssue = oneClick ? oneClickProblem(oneClick) : undefined;
  if (oneClickIssue) problems.push(oneClickIssue);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    config: {
      host: get('SMTP_HOST') as string,
      port,
      secure: secureText ? secureText.toLowerCase() === 'true' : port === 465,
      ...(user && pass ? { auth: { user, pass } } : {}),
      from: get('SMTP_FROM') as string,
      ...(oneClick ? { oneClick } : {}),
    },
  };
}
