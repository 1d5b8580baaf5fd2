// Decides what the next issue is: its number (one past the highest), its file, the essays it
// announces and who signs it, and refuses to clobber an issue that already exists.
import { isVisible } from '../essays/visibility.ts';
import { issueFileName, type DraftEssay } from './draft.ts';
import type { DigestWindow } from './window.ts';

export interface ExistingIssue {
  /** Path as shown to the user, e.g. "content/issues/002-2026-w46.mdx". */
  file: string;
  number: number;
  week: string;
  date: Date;
  authors: readonly string[];
}

export interface PlanInput {
  window: DigestWindow;
  existing: readonly ExistingIssue[];
  essays: ReadonlyArray<DraftEssay & { draft: boolean }>;
  /** Authors when no issue exists yet and none were given. */
  fallbackAuthors: readonly string[];
  authors?: readonly string[];
  /** Where the issue goes: a directory (named by number and week) or an .mdx file. */
  out: string;
}

export interface IssuePlan {
  number: number;
  file: string;
  date: Date;
  authors: readonly string[];
  essays: DraftEssay[];
}

/** A user mistake: printed as it is, without a stack trace. */
export class DigestError extends Error {
  override name = 'DigestError';
}

export function planIssue(input: PlanInput): IssuePlan {
  const existing = [...input.existing].sort((a, b) => a.number - b.number);
  const previous = existing.at(-1);
  const number = (previous?.number ?? 0) + 1;
  const sameWeek = existing.find((issue) => issue.week === input.window.week);
  if (sameWeek)
    throw new DigestError(
      `${sameWeek.file} already covers ${input.window.week} (issue ${sameWeek.number}). Edit that file, or delete it to draft the week again.`,
    );
  const file = /\.mdx?$/.test(input.out) ? input.out : `${input.out.replace(/\/$/, '')}/${issueFileName(number, input.window.week)}`;
  const clash = existing.find((issue) => issue.file === file);
  if (clash)
    throw new DigestError(`${file} already exists (issue ${clash.number}): the digest never overwrites an issue. Choose another --out, or delete the file.`);
  // Sent the day the window closes: a week's issue goes out on the Monday after it.
  const date = input.window.to;
  // Essays since the last issue; the first issue announces those of its own window.
  const since = previous ? previous.date : input.window.from;
  const essays = input.essays
    .filter((essay) => isVisible(essay, { now: date, preview: false }))
    .filter((essay) => (previous ? essay.date > since : essay.date >= since))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.slug.localeCompare(b.slug))
    .map(({ slug, title, dek, date: published }) => ({ slug, title, dek, date: published }));
  const authors = input.authors?.length ? input.authors : previous?.authors.length ? previous.authors : input.fallbackAuthors;
  return { number, file, date, authors, essays };
}
