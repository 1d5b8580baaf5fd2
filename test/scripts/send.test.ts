// `npm run send` against a real SMTP server on 127.0.0.1: what arrives is what a reader's provider gets.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const SEND = join(repo, 'scripts/send.ts');

interface Received {
  from: string;
  to: string[];
  raw: string;
  user?: string;
}

let dist: string;
let server: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'substation-send-'));
  mkdirSync(join(dist, 'email'));
  writeFileSync(
    join(dist, 'email/7.html'),
    '<!doctype html><html><head><title>Power &amp; chips: the week</title></head><body><p>Hello <a href="https://substation.example/">readers</a></p></body></html>',
  );
  writeFileSync(join(dist, 'email/7.txt'), 'Hello readers [1]\n\n[1] https://substation.example/\n');
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'editor' && auth.password === 'secret') callback(null, { user: auth.username });
      else callback(new Error('invalid login'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        });
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dist, { recursive: true, force: true });
});

async function send(args: string[], env: Record<string, string | undefined>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SMTP_|LIST_UNSUBSCRIBE|SITE_URL)/.test(key)));
  try {
    const { stdout, stderr } = await run(process.execPath, [SEND, ...args], { env: { ...clean, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const quotedPrintable = (text: string) => text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const ONE_CLICK = 'https://lists.substation.example/unsubscribe/weekly';
const smtp = () => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_USER: 'editor',
  SMTP_PASS: 'secret',
  SMTP_FROM: 'Substation <issues@substation.example>',
  LIST_UNSUBSCRIBE_URL: ONE_CLICK,
});
/** A message's headers, unfolded: long header lines are legally wrapped onto continuation lines. */
const headersOf = (mail: Received) =>
  mail.raw
    .slice(0, mail.raw.search(/\r\n\r\n/))
    .replace(/\r\n[ \t]+/g, ' ')
    .replace(/\r\n/g, '\n');
const MAILTO = 'mailto:unsubscribe@substation.example?subject=unsubscribe';

describe('npm run send', () => {
  it('delivers both parts with the subject, From, To and both List-Unsubscribe headers', async () => {
    const result = await send(['7', '--to', 'reader@example.com', '--dist', dist], smtp());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ sent issue 7 "Power & chips: the week" to reader@example.com through 127\.0\.0\.1:\d+/);
    const mail = received.at(-1) as Received;
    expect(mail.user).toBe('editor');
    expect(mail.from).toBe('issues@substation.example');
    expect(mail.to).toEqual(['reader@example.com']);
    const headers = headersOf(mail);
    expect(headers).toMatch(/^Subject: Power & chips: the week$/m);
    expect(headers).toMatch(/^From: Substation <issues@substation\.example>$/m);
    expect(headers).toMatch(/^To: reader@example\.com$/m);
    // RFC 8058 one-click: the https address first, the footer's mailbox after it, and the POST body.
    expect(headers.split('\n').filter((line) => /^List-Unsubscribe/.test(line))).toEqual([
      `List-Unsubscribe: <${ONE_CLICK}>, <${MAILTO}>`,
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
    expect(headers).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(mail.raw).toMatch(/Content-Type: text\/plain; charset=utf-8[\s\S]*Hello readers \[1\]/);
    const htmlPart = mail.raw.split(/Content-Type: text\/html; charset=utf-8\r\n/)[1] ?? '';
    expect(htmlPart).toMatch(/^Content-Transfer-Encoding: quoted-printable/);
    expect(quotedPrintable(htmlPart)).toContain('<title>Power &amp; chips: the week</title>');
  });

  it('sends each recipient their own message when the one-click address names them with {email}', async () => {
    const before = received.length;
    const env = { ...smtp(), LIST_UNSUBSCRIBE_URL: 'https://lists.substation.example/unsubscribe?list=weekly&email={email}' };
    const result = await send(['7', '--to', 'a@example.com', '--to', 'b+news@example.com', '--dist', dist], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/✓ sent issue 7 "Power & chips: the week" to a@example\.com, b\+news@example\.com, one message each, through/);
    const mails = received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([['a@example.com'], ['b+news@example.com']]);
    expect(mails.map((m) => /^To: (.*)$/m.exec(headersOf(m))?.[1])).toEqual(['a@example.com', 'b+news@example.com']);
    expect(mails.map((m) => /^List-Unsubscribe: (.*)$/m.exec(headersOf(m))?.[1])).toEqual([
      `<https://lists.substation.example/unsubscribe?list=weekly&email=a%40example.com>, <${MAILTO}>`,
      `<https://lists.substation.example/unsubscribe?list=weekly&email=b%2Bnews%40example.com>, <${MAILTO}>`,
    ]);
    for (const mail of mails) expect(headersOf(mail)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it('never shows one reader another: a fixed one-click address still sends a message per recipient', async () => {
    const before = received.length;
    const env = { ...smtp(), LIST_UNSUBSCRIBE_URL: 'https://lists.substation.example/unsubscribe/weekly' };
    const result = await send(['7', '--to', 'a@example.com', '--to', 'b@example.com', '--dist', dist], env);
    expect(result.code).toBe(0);
    const mails = received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([['a@example.com'], ['b@example.com']]);
    expect(mails.map((m) => /^To: (.*)$/m.exec(headersOf(m))?.[1])).toEqual(['a@example.com', 'b@example.com']);
    for (const mail of mails) expect(headersOf(mail)).not.toMatch(/^Cc:|^Bcc:/m);
  });

  it('without a one-click address, sends the mailbox alone and warns that the large providers want one', async () => {
    const result = await send(['7', '--to', 'reader@example.com', '--dist', dist], { ...smtp(), LIST_UNSUBSCRIBE_URL: undefined });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('! no one-click unsubscribe: LIST_UNSUBSCRIBE_URL is not set, and Gmail and Yahoo require it (RFC 8058) of bulk senders\n');
    const headers = headersOf(received.at(-1) as Received);
    expect(headers).toMatch(new RegExp(`^List-Unsubscribe: <${MAILTO.replace(/[.?]/g, '\\$&')}>$`, 'm'));
    expect(headers).not.toMatch(/^List-Unsubscribe-Post/m);
  });

  it('refuses a one-click address that is not https, and sends nothing', async () => {
    const before = received.length;
    const result = await send(['7', '--to', 'reader@example.com', '--dist', dist], { ...smtp(), LIST_UNSUBSCRIBE_URL: 'http://lists.substation.example/u' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'LIST_UNSUBSCRIBE_URL must be an https: URL (one-click unsubscribe takes no other), received "http://lists.substation.example/u"',
    );
    expect(received.length).toBe(before);
  });

  it('explains what to set, and sends nothing, without SMTP settings', async () => {
    const before = received.length;
    const result = await send(['7', '--to', 'reader@example.com', '--dist', dist], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('✗ SMTP is not configured, so nothing was sent:');
    expect(result.stderr).toContain('SMTP_HOST is not set: the SMTP server, e.g. smtp.example.com');
    expect(result.stderr).toContain('SMTP_FROM is not set');
    expect(result.stderr).toMatch(/SMTP_PASS\s+its password/);
    expect(received.length).toBe(before);
  });

  it('says to build first when the issue has no email files', async () => {
    const result = await send(['99', '--to', 'reader@example.com', '--dist', dist], smtp());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/email\/99\.html does not exist: run `npm run build` first/);
  });

  it('reports a refused login without a stack trace', async () => {
    const result = await send(['7', '--to', 'reader@example.com', '--dist', dist], { ...smtp(), SMTP_PASS: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^✗ sending through 127\.0\.0\.1:\d+ failed: .*Check SMTP_HOST/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a missing recipient with the usage line', async () => {
    const result = await send(['7'], smtp());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run send -- <issue number> --to');
  });
});
