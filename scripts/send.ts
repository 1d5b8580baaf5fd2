// `npm run send -- <number> --to ADDRESS [--to ADDRESS…] [--dist DIR]`: sends a built issue
// (dist/email/<number>.html and .txt) through SMTP. Settings come from the environment:
//   SMTP_HOST, SMTP_FROM (required); SMTP_PORT (587), SMTP_USER + SMTP_PASS, SMTP_SECURE;
//   LIST_UNSUBSCRIBE and SITE_URL must match the build so the header agrees with the footer;
//   LIST_UNSUBSCRIBE_URL, the https one-click endpoint (RFC 8058), goes first in List-Unsubscribe,
//   with List-Unsubscribe-Post ({email} in it becomes each recipient's address).
// Every recipient gets a message of their own: one message to many would show each reader the list.
// The options are in COMMAND below, which is also the --help text.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import type { CommandSpec } from '../src/lib/cli/args.ts';
import { readCommandLine } from '../src/lib/cli/process.ts';
import { buildMessage } from '../src/lib/email/message.ts';
import { SMTP_ENV, smtpConfigFromEnv } from '../src/lib/email/smtp-config.ts';
import { oneClickUrl, unsubscribeUrl } from '../src/lib/email/unsubscribe.ts';

function envLine([key, what, required]: (typeof SMTP_ENV)[number]): string {
  return `${key.padEnd(22)}${required ? '(required) ' : ''}${what}`;
}

const COMMAND = {
  name: 'send',
  usage: 'npm run send -- <issue number> --to reader@example.com [--to …] [--dist dist]',
  summary: 'Sends a built issue (dist/email/<number>.html and .txt) through SMTP; the settings come from the environment (below).',
  positional: { name: 'issue number', describe: 'the number of a published issue, built by npm run build', required: true, integer: { min: 1 } },
  options: {
    to: { type: 'string', arg: 'ADDRESS', multiple: true, describe: 'a recipient, required; repeat for more' },
    dist: { type: 'string', arg: 'DIR', default: 'dist', describe: 'the build holding email/<number>.html and .txt' },
  },
  examples: [
    'npm run send -- 2 --to reader@example.com',
    'SMTP_HOST=smtp.example.com SMTP_USER=me SMTP_PASS=secret SMTP_FROM="Substation <issues@example.com>" npm run send -- 2 --to a@example.com --to b@example.com',
  ],
  sections: [{ title: 'environment', lines: SMTP_ENV.map(envLine) }],
} as const satisfies CommandSpec;
const USAGE = `usage: ${COMMAND.usage}`;
const root = process.env.SUBSTATION_ROOT ?? fileURLToPath(new URL('..', import.meta.url));

function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

const { positionals, values } = readCommandLine(COMMAND);
const number = positionals[0]!;
const to = values.to;
if (!to.length) fail(`give at least one recipient with --to\n${USAGE}`, 2);
const bad = to.find((address) => !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address));
if (bad) fail(`--to: "${bad}" is not an email address such as reader@example.com`, 2);

const settings = smtpConfigFromEnv(process.env);
if (!settings.ok) {
  console.error('✗ SMTP is not configured, so nothing was sent:');
  for (const problem of settings.problems) console.error(`  - ${problem}`);
  console.error('\nSet these in the environment (or a .env file you source before running):');
  for (const line of SMTP_ENV) console.error(`  ${envLine(line)}`);
  console.error(
    '\nExample:\n  SMTP_HOST=smtp.example.com SMTP_USER=me SMTP_PASS=secret SMTP_FROM="Substation <issues@example.com>" \\\n    npm run send -- 1 --to you@example.com',
  );
  process.exit(2);
}
const { config } = settings;

const dist = isAbsolute(values.dist) ? values.dist : join(root, values.dist);
const files = { html: join(dist, 'email', `${number}.html`), text: join(dist, 'email', `${number}.txt`) };
for (const file of Object.values(files)) {
  if (!existsSync(file))
    fail(`${relative(root, file)} does not exist: run \`npm run build\` first (is issue ${number} published, with draft: false and a date not in the future?)`);
}

const site = process.env.SITE_URL ?? 'https://substation.example';
const oneClick = config.oneClick;
if (!oneClick) {
  console.error('! no one-click unsubscribe: LIST_UNSUBSCRIBE_URL is not set, and Gmail and Yahoo require it (RFC 8058) of bulk senders');
}
// A message of its own for every recipient: a shared To would show each reader every other subscriber.
const batches = to.map((address) => [address]);
const [html, text] = [readFileSync(files.html, 'utf8'), readFileSync(files.text, 'utf8')];
const messages = batches.map((recipients) =>
  buildMessage({
    html,
    text,
    from: config.from,
    to: recipients,
    unsubscribe: unsubscribeUrl(site, process.env.LIST_UNSUBSCRIBE),
    oneClick: oneClick && oneClickUrl(oneClick, recipients[0]!),
    archiveUrl: new URL('/issues/', site).href,
  }),
);
const subject = messages[0]!.subject;

const started = performance.now();
const transport = nodemailer.createTransport({
  host: config.host,
  port: config.port,
  secure: config.secure,
  ...(config.auth ? { auth: config.auth } : {}),
  connectionTimeout: 15_000,
});
const ids: string[] = [];
try {
  for (const message of messages) ids.push((await transport.sendMail(message)).messageId);
  const ms = Math.round(performance.now() - started);
  const each = messages.length > 1 ? ', one message each,' : '';
  console.log(`✓ sent issue ${number} "${subject}" to ${to.join(', ')}${each} through ${config.host}:${config.port} in ${ms}ms (${ids.join(', ')})`);
} catch (error) {
  const e = error as Error & { code?: string; response?: string };
  // Say who already has it, so a retry can leave them out.
  const sent = ids.length ? ` after sending to ${batches.slice(0, ids.length).flat().join(', ')}` : '';
  fail(
    `sending through ${config.host}:${config.port} failed${sent}: ${e.response ?? e.message}${e.code ? ` (${e.code})` : ''}. Check SMTP_HOST, SMTP_PORT and the login.`,
  );
} finally {
  transport.close();
}
