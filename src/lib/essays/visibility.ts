// Which essays a build shows: production leaves out drafts and essays dated after `now`;
// `npm run dev` shows everything so authors can preview.

export interface Schedulable {
  draft: boolean;
  date: Date;
}

export interface VisibilityOptions {
  /** The moment of the build; essays dated later are scheduled, not published. */
  now: Date;
  /** True in `astro dev`: drafts and scheduled essays are shown. */
  preview: boolean;
}

export function isVisible(essay: Schedulable, { now, preview }: VisibilityOptions): boolean {
  if (preview) return true;
  return !essay.draft && essay.date.getTime() <= now.getTime();
}

/** Newest first; ties broken by slug so the order never depends on file-system order. */
export function byDateDesc<T extends { id: string; data: { date: Date } }>(a: T, b: T): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
}

/** Why a piece is not yet public, for the dev preview's banner and list badge; undefined when it is. */
export function unpublished(essay: Schedulable, now: Date): { kind: 'draft' } | { kind: 'scheduled'; date: Date } | undefined {
  if (essay.draft) return { kind: 'draft' };
  if (essay.date.getTime() > now.getTime()) return { kind: 'scheduled', date: essay.date };
  return undefined;
}
