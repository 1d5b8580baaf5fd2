import { describe, expect, it } from 'vitest';
import { buildMessage, subjectFromHtml } from '../../../src/lib/email/message.ts';
import { smtpConfigFromEnv } from '../../../src/lib/email/smtp-config.ts';
import { postalAddress } from '../../../src/lib/email/postal-address.ts';
import { oneClickProblem, oneClickUrl, unsubscribeUrl } from '../../../src/lib/email/unsubscribe.ts';

describe('smtpConfigFromEnv', () => {
  it('reads host, port, login and sender, with TLS on port 465', () => {
    expect(smtpConfigFromEnv({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_USER: 'me', SMTP_PASS: 's', SMTP_FROM: 'S <s@example.com>' })).toEqual({
      ok: true,
      config: { host: 'smtp.example.com', port: 465, secure: true, auth: { user: 'me', pass: 's' }, from: 'S <s@example.com>' },
    });
    const plain = smtpConfigFromEnv({ SMTP_HOST: 'relay', SMTP_FROM: 'a@b.example' });
    expect(plain.ok && plain.config).toEqual({ host: 'relay', port: 587, secure: false, from: 'a@b.example' });
  });

  it('takes the one-click unsubscribe endpoint, https only', () => {
    const env = { SMTP_HOST: 'relay', SMTP_FROM: 'a@b.example' };
    const ok = smtpConfigFromEnv({ ...env, LIST_UNSUBSCRIBE_URL: ' https://lists.example/u?e={email} ' });
    expect(ok.ok && ok.config.oneClick).toBe('https://lists.example/u?e={email}');
    expect(smtpConfigFromEnv({ ...env, LIST_UNSUBSCRIBE_URL: 'http://lists.example/u' })).toEqual({
      ok: false,
      problems: ['LIST_UNSUBSCRIBE_URL must be an https: URL (one-click unsubscribe takes no other), received "http://lists.example/u"'],
    });
    expect(oneClickProblem('mailto:u@example.com')).toMatch(/^LIST_UNSUBSCRIBE_URL must be an https: URL/);
    expect(oneClickProblem('lists.example/u')).toMatch(/^LIST_UNSUBSCRIBE_URL must be an https: URL such as/);
  });

  it('lists every problem at once', () => {
    expect(smtpConfigFromEnv({ SMTP_PORT: 'smtp', SMTP_USER: 'me', SMTP_SECURE: 'yes' })).toEqual({
      ok: false,
      problems: [
        'SMTP_HOST is not set: the SMTP server, e.g. smtp.example.com',
        'SMTP_FROM is not set: the sender, e.g. "Substation <issues@substation.example>"',
        'SMTP_PORT must be a port number such as 587, received "smtp"',
        'SMTP_PASS is not set: SMTP_USER needs its password',
        'SMTP_SECURE must be true or false, received "yes"',
      ],
    });
  });
});

describe('buildMessage', () => {
  const input = {
    html: '<title>Power</title>',
    text: 'Power',
    from: 'a@b.example',
    to: ['r@example.com'],
    unsubscribe: 'mailto:u@s.example',
    archiveUrl: 'https://s.example/issues/',
  };

  it('takes the subject from the title, entities decoded, and adds List-Unsubscribe', () => {
    expect(subjectFromHtml('<title>AT&amp;T &#38; the &lt;grid&gt; &#x2014; again</title>')).toBe('AT&T & the <grid> — again');
    expect(buildMessage(input).headers).toEqual({ 'List-Unsubscribe': '<mailto:u@s.example>', 'List-Archive': '<https://s.example/issues/>' });
  });

  it('offers one-click unsubscribe (RFC 8058) first, with List-Unsubscribe-Post, and the footer address after it', () => {
    expect(buildMessage({ ...input, oneClick: 'https://lists.example/u?e=r%40example.com' }).headers).toEqual({
      'List-Unsubscribe': '<https://lists.example/u?e=r%40example.com>, <mailto:u@s.example>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Archive': '<https://s.example/issues/>',
    });
    // An https footer address is not one-click unless it is named as such: it may be a page with a form.
    expect(buildMessage({ ...input, unsubscribe: 'https://s.example/u' }).headers).not.toHaveProperty('List-Unsubscribe-Post');
    expect(buildMessage({ ...input, unsubscribe: 'https://s.example/u', oneClick: 'https://s.example/u' }).headers).toMatchObject({
      'List-Unsubscribe': '<https://s.example/u>',
    });
  });

  it('puts each recipient in their own one-click address', () => {
    const template = 'https://lists.example/unsubscribe?list=weekly&email={email}';
    expect(oneClickUrl(template, 'a+b@example.com')).toBe('https://lists.example/unsubscribe?list=weekly&email=a%2Bb%40example.com');
  });

  it('derives the unsubscribe mailbox from the site, unless overridden', () => {
    expect(unsubscribeUrl('https://substation.example')).toBe('mailto:unsubscribe@substation.example?subject=unsubscribe');
    expect(unsubscribeUrl('https://substation.example', 'https://list.example/u')).toBe('https://list.example/u');
  });
});

describe('postalAddress', () => {
  it('is SUBSTATION_POSTAL_ADDRESS on one line, or nothing', () => {
    expect(postalAddress({ SUBSTATION_POSTAL_ADDRESS: 'Substation Research\n 1 Example Street,\n\nLondon  EC1A 1AA ' })).toBe(
      'Substation Research, 1 Example Street, London EC1A 1AA',
    );
    expect(postalAddress({ SUBSTATION_POSTAL_ADDRESS: '  ' })).toBeUndefined();
    expect(postalAddress({})).toBeUndefined();
  });
});
