// The email's stylesheet. juice inlines every rule onto the elements (Gmail and Outlook ignore most
// <style> blocks); the dark-mode media query stays in a <style> block for the clients that honour it
// (Apple Mail, iOS, Outlook for Mac), with !important to beat the inlined light colours.

export const COLORS = {
  light: { bg: '#f2efe8', card: '#fbfaf7', ink: '#1b1a17', muted: '#5d5a53', rule: '#d9d4c8', accent: '#a8361c', link: '#1f4f8a' },
  dark: { bg: '#0f1114', card: '#14161a', ink: '#e8e6e1', muted: '#a3a09a', rule: '#343841', accent: '#f08a62', link: '#8db8f2' },
} as const;

const SERIF = "Georgia, 'Times New Roman', serif";
const SANS = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const { light: l, dark: d } = COLORS;

export const EMAIL_CSS = `
body { margin: 0; padding: 0; background: ${l.bg}; color: ${l.ink}; -webkit-text-size-adjust: 100%; }
.outer { background: ${l.bg}; }
.card { background: ${l.card}; border: 1px solid ${l.rule}; }
.masthead { font-family: ${SANS}; font-size: 13px; color: ${l.muted}; padding: 20px 24px; border-bottom: 1px solid ${l.rule}; }
.wordmark { font-family: ${SERIF}; font-size: 20px; font-weight: bold; color: ${l.accent}; text-decoration: none; }
.head { padding: 28px 24px 8px; }
.title { font-family: ${SERIF}; font-size: 28px; line-height: 1.2; color: ${l.ink}; margin: 0 0 10px; font-weight: bold; }
.dek { font-family: ${SERIF}; font-size: 18px; line-height: 1.45; color: ${l.muted}; margin: 0 0 12px; }
.byline { font-family: ${SANS}; font-size: 13px; color: ${l.muted}; margin: 0; }
.body { padding: 8px 24px 24px; font-family: ${SERIF}; font-size: 17px; line-height: 1.6; color: ${l.ink}; }
.body p { margin: 0 0 16px; }
.body a { color: ${l.link}; }
.body h2 { font-family: ${SANS}; font-size: 13px; letter-spacing: 1.5px; text-transform: uppercase; color: ${l.accent}; border-top: 1px solid ${l.rule}; padding-top: 16px; margin: 32px 0 16px; }
.body h3 { font-family: ${SERIF}; font-size: 19px; line-height: 1.3; margin: 0 0 4px; }
.body ul, .body ol { margin: 0 0 16px; padding-left: 22px; }
.body li { margin: 0 0 8px; }
.body img { max-width: 100%; height: auto; border: 0; }
.body blockquote { margin: 0 0 16px; padding-left: 14px; border-left: 3px solid ${l.rule}; color: ${l.muted}; }
.body .story { margin: 0 0 24px; }
.body .story__title a { color: ${l.ink}; text-decoration: underline; }
.body .story__meta { font-family: ${SANS}; font-size: 13px; line-height: 1.4; color: ${l.muted}; margin: 0 0 8px; }
.body .story__take-frame { border-collapse: collapse; margin: 0; }
.body .story__take { border-left: 3px solid ${l.accent}; padding: 0 0 0 12px; }
.body .story__take p { margin: 0 0 8px; }
.cta { font-family: ${SANS}; font-size: 14px; padding: 0 24px 24px; }
.cta a { color: ${l.link}; }
.footer { font-family: ${SANS}; font-size: 12px; line-height: 1.5; color: ${l.muted}; padding: 20px 24px 32px; }
.footer a { color: ${l.muted}; }
`;

/** Kept in a <style> block: inlining cannot express a media query. */
export const EMAIL_DARK_CSS = `
@media (prefers-color-scheme: dark) {
  body, .outer { background: ${d.bg} !important; color: ${d.ink} !important; }
  .card { background: ${d.card} !important; border-color: ${d.rule} !important; }
  .masthead, .byline, .dek, .story__meta, .footer, .footer a { color: ${d.muted} !important; border-color: ${d.rule} !important; }
  .wordmark, .body h2 { color: ${d.accent} !important; border-color: ${d.rule} !important; }
  .body a, .cta a { color: ${d.link} !important; }
  .title, .body, .body .story__title a { color: ${d.ink} !important; }
  .story__take { border-color: ${d.accent} !important; }
}
@media (max-width: 620px) {
  .head, .body, .masthead, .footer, .cta { padding-left: 16px !important; padding-right: 16px !important; }
  .title { font-size: 24px !important; }
}
`;
