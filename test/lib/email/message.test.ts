import { describe, expect, it } from 'vitest';
import { buildMessage, subjectFromHtml } from '../../../src/lib/email/message.ts';
import { smtpConfigFromEnv } from '../../../src/lib/email/smtp-config.ts';
import { unsubscribeUrl } from '../../../src/lib/email/unsubscribe.ts';

describe('smtpConfigFromEnv', () => {
  it('reads host, port, login and sender, with TLS on port 465', () => {
    expect(smtpConfigFromEnv({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_USER: 'me', SMTP_PASS: 's', SMTP_FROM: 'S <s@example.com>' })).toEqual({
      ok: true,
      config: { host: 'smtp.example.com', port: 465, secure: true, auth: { user: 'me', pass: 's' }, from: 'S <s@example.com>' },
    });
    const plain = smtpConfigFromEnv({ SMTP_HOST: 'relay', SMTP_FROM: 'a@b.example' });
    expect(plain.ok && plain.config).toEqual({ host: 'relay', port: 587, secure: false, from: 'a@b.example' });
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
  it('takes the subject from the title, entities decoded, and adds List-Unsubscribe', () => {
    expect(subjectFromHtml('<title>AT&amp;T &#38; the &lt;grid&gt; &#x2014; again</title>')).toBe('AT&T & the <grid> — again');
    const message = buildMessage({ html: '<title>Power</title>', text: 'Power', from: 'a@b.example', to: ['r@example.com'], unsubscribe: 'https://s.example/u', archiveUrl: 'https://s.example/issues/' });
    expect(message.headers).toEqual({ 'List-Unsubscribe': '<https://s.example/u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Archive': '<https://s.example/issues/>' });
  });

  it('derives the unsubscribe mailbox from the site, unless overridden', () => {
    expect(unsubscribeUrl('https://substation.example')).toBe('mailto:unsubscribe@substation.example?subject=unsubscribe');
    expect(unsubscribeUrl('https://substation.example', 'https://list.example/u')).toBe('https://list.example/u');
  });
});
