// Disclosures as readers see them: one sentence per author (authors with nothing to disclose share
// one), for the essay page, its feeds and anywhere else an essay travels. Pure: names are looked up
// by the caller. The frontmatter shape is checked by the essay schema (src/lib/schema/essay.ts).
import type { EssayData, Position } from '../schema/essay.ts';
import { joinNames } from '../site.ts';

export type Disclosures = NonNullable<EssayData['disclosures']>;

export interface DisclosureNames {
  author: (id: string) => string;
  company: (id: string) => string;
}

const article = (p: Position) => (p === 'long' ? 'a long' : 'a short');
/** Ends a sentence once: a name such as "Taiwan Semiconductor Manufacturing Co." already has its stop. */
const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);

/**
 * "Mara Okafor holds a long position in TSMC." and "Theo Lindqvist and Priya Raman hold no positions
 * in the companies named.", in the essay's author order. Undefined disclosures give no sentences.
 */
export function disclosureStatements(authors: readonly string[], disclosures: Disclosures | undefined, names: DisclosureNames): string[] {
  if (!disclosures) return [];
  const none = authors.filter((id) => disclosures[id] === 'none');
  const statements: string[] = [];
  let saidNone = false;
  for (const id of authors) {
    const entry = disclosures[id];
    if (entry === undefined) continue;
    if (entry === 'none') {
      if (saidNone) continue;
      saidNone = true;
      statements.push(`${joinNames(none.map(names.author))} ${none.length === 1 ? 'holds' : 'hold'} no positions in the companies named.`);
      continue;
    }
    const parts = entry.map((h) => `${article(h.position)} position in ${names.company(h.company)}${h.note ? ` (${h.note})` : ''}`);
    statements.push(sentence(`${names.author(id)} holds ${joinNames(parts)}`));
  }
  return statements;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The disclosures block as HTML for feeds: the statements, then the site-wide disclaimer. */
export function disclosuresHtml(statements: readonly string[], disclaimer: string): string {
  return (
    `<section class="disclosures"><h2>Disclosures</h2>` +
    statements.map((s) => `<p>${esc(s)}</p>`).join('') +
    `<p><small>${esc(disclaimer)}</small></p></section>`
  );
}

/**
 * `html` with `block` placed just before the footnotes (GFM's <section data-footnotes>), where the
 * disclosures go in print research; at the end when there are none.
 */
export function beforeFootnotes(html: string, block: string): string {
  const at = html.search(/<section\b[^>]*\bdata-footnotes\b/);
  return at < 0 ? html + block : html.slice(0, at) + block + html.slice(at);
}

export interface ResearchNotes {
  /** From disclosureStatements. */
  statements: readonly string[];
  disclaimer: string;
  /** The corrections note (correctionsHtml), or ''. */
  correctionsHtml: string;
}

/** An essay's feed HTML with its research notes: corrections at the head, disclosures before the footnotes. */
export function withResearchNotes(html: string, notes: ResearchNotes): string {
  return notes.correctionsHtml + beforeFootnotes(html, disclosuresHtml(notes.statements, notes.disclaimer));
}
