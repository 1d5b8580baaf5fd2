// Corrections: printed at the head of the essay ("Corrected on 1 April 2026: …"), carried into its
// feed entries as the updated date and a note, and listed together on /corrections/. Pure.
import type { EssayData } from '../schema/essay.ts';

export type Correction = EssayData['corrections'][number];

/** Newest first; same-day corrections keep their frontmatter order. */
export function newestFirst<C extends { date: Date }>(corrections: readonly C[]): C[] {
  return [...corrections]
    .map((c, i) => [c, i] as const)
    .sort(([a, i], [b, j]) => b.date.getTime() - a.date.getTime() || i - j)
    .map(([c]) => c);
}

/** When the essay last changed for readers: the later of `updated` and its newest correction, if either. */
export function lastRevised(essay: { updated?: Date | undefined; corrections: readonly Correction[] }): Date | undefined {
  let latest = essay.updated?.getTime();
  for (const c of essay.corrections) latest = Math.max(latest ?? -Infinity, c.date.getTime());
  return latest === undefined ? undefined : new Date(latest);
}

export interface ListedCorrection extends Correction {
  slug: string;
  title: string;
}

/** Every correction across `essays`, newest first, ties by essay slug, for /corrections/. */
export function allCorrections(essays: ReadonlyArray<{ id: string; data: Pick<EssayData, 'title' | 'corrections'> }>): ListedCorrection[] {
  return essays
    .flatMap((e) => e.data.corrections.map((c, i) => ({ ...c, slug: e.id, title: e.data.title, order: i })))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug) || a.order - b.order)
    .map(({ order: _order, ...c }) => c);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The corrections note at the head of a feed entry's content. */
export function correctionsHtml(corrections: readonly Correction[], formatDate: (d: Date) => string): string {
  if (corrections.length === 0) return '';
  return `<section class="corrections">${newestFirst(corrections)
    .map((c) => `<p><strong>Corrected on ${esc(formatDate(c.date))}:</strong> ${esc(c.text)}</p>`)
    .join('')}</section>`;
}
