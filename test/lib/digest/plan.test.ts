import { describe, expect, it } from 'vitest';
import { DigestError, planIssue, type ExistingIssue } from '../../../src/lib/digest/plan.ts';
import { dayWindow, isoWeekOf, previousWeek, weekWindow } from '../../../src/lib/digest/window.ts';

const essay = (slug: string, date: string, draft = false) => ({ slug, title: slug, dek: 'd', date: new Date(date), draft });
const essays = [
  essay('old', '2026-11-02'),
  essay('between', '2026-11-19'),
  essay('on-send-day', '2026-11-23'),
  essay('draft', '2026-11-20', true),
  essay('later', '2026-11-25'),
];
const previous: ExistingIssue = {
  file: 'content/issues/001-2026-w46.mdx',
  number: 1,
  week: '2026-W46',
  date: new Date('2026-11-16'),
  authors: ['theo-lindqvist'],
};

describe('planIssue', () => {
  it('numbers the issue one past the highest and names the file by number and week', () => {
    const plan = planIssue({
      window: weekWindow('2026-W47'),
      existing: [previous, { ...previous, number: 4, week: '2026-W40', file: 'x/004.mdx' }],
      essays: [],
      fallbackAuthors: ['mara-okafor'],
      out: 'content/issues',
    });
    expect(plan.number).toBe(5);
    expect(plan.file).toBe('content/issues/005-2026-w47.mdx');
    expect(plan.date.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('announces the published essays since the previous issue, up to the send date', () => {
    const plan = planIssue({ window: weekWindow('2026-W47'), existing: [previous], essays, fallbackAuthors: ['mara-okafor'], out: 'content/issues' });
    expect(plan.essays.map((e) => e.slug)).toEqual(['between', 'on-send-day']);
  });

  it('lets the first issue announce the essays of its own window', () => {
    const plan = planIssue({ window: weekWindow('2026-W47'), existing: [], essays, fallbackAuthors: ['mara-okafor'], out: 'content/issues' });
    expect(plan.essays.map((e) => e.slug)).toEqual(['between', 'on-send-day']);
    expect(plan.authors).toEqual(['mara-okafor']);
  });

  it("keeps the previous issue's authors unless told otherwise", () => {
    const base = { window: weekWindow('2026-W47'), existing: [previous], essays: [], fallbackAuthors: ['mara-okafor'], out: 'content/issues' };
    expect(planIssue(base).authors).toEqual(['theo-lindqvist']);
    expect(planIssue({ ...base, authors: ['priya-raman'] }).authors).toEqual(['priya-raman']);
  });

  it('refuses a week that already has an issue', () => {
    expect(() => planIssue({ window: weekWindow('2026-W46'), existing: [previous], essays: [], fallbackAuthors: [], out: 'content/issues' })).toThrow(
      DigestError,
    );
  });
});

describe('windows', () => {
  it('maps ISO weeks to Monday-to-Monday spans in UTC, across year ends', () => {
    expect(weekWindow('2026-W47').from.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(weekWindow('2026-W01').from.toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(() => weekWindow('2027-W53')).toThrow('2027 has no week 53');
  });

  it('takes --from/--to as inclusive days and defaults to the last complete week', () => {
    const days = dayWindow('2026-11-16', '2026-11-22');
    expect([days.from.toISOString(), days.to.toISOString(), days.week]).toEqual(['2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z', '2026-W47']);
    expect(() => dayWindow('2026-11-22', '2026-11-16')).toThrow('--to (2026-11-16) is before --from (2026-11-22)');
    expect(previousWeek(new Date('2026-11-24T12:00:00Z')).week).toBe('2026-W47');
  });
});
