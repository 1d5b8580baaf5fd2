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
