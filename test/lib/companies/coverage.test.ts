// Weekly coverage: Monday-to-Sunday UTC weeks ending with the newest item in the store, one count
// per story, and the chart that draws it (an SVG snapshot with its text alternative).
import { describe, expect, it } from 'vitest';
import { coverageByCompany, coverageWindow, emptyCoverage, mondayOf, windowWeeks } from '../../../src/lib/companies/coverage.ts';
import { coverageSummary, renderCoverageChart } from '../../../src/lib/companies/coverage-chart.ts';
import { coMentions, relatedCompanies } from '../../../src/lib/companies/related.ts';

const story = (published: string, companies: string[]) => ({ published, companies });

describe('coverage by week', () => {
  it('starts weeks on Monday in UTC, whatever the hour', () => {
    expect(mondayOf('2026-11-23T00:00:00.000Z')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29T23:59:59.999Z')).toBe('2026-11-23'); // the Sunday after
    expect(mondayOf('2026-12-01T00:30:00.000Z')).toBe('2026-11-30');
  });

  it('ends the window with the week of the newest item, not the clock', () => {
    const window = coverageWindow([story('2026-11-04T19:00:00.000Z', []), story('2026-11-19T06:10:00.000Z', [])], 26)!;
    expect(window).toEqual({ end: '2026-11-16', weeks: 26 });
    const weeks = windowWeeks(window);
    expect(weeks).toHaveLength(26);
    expect([weeks[0], weeks.at(-1)]).toEqual(['2026-05-25', '2026-11-16']);
    expect(coverageWindow([])).toBeUndefined();
  });

  it('counts each story once per company in its week, and nothing outside the window', () => {
    const stories = [
      story('2026-11-19T06:10:00.000Z', ['tsmc', 'tsmc', 'nvidia']),
      story('2026-11-16T00:00:00.000Z', ['tsmc']),
      story('2026-11-15T23:59:00.000Z', ['tsmc']),
      story('2025-01-01T00:00:00.000Z', ['tsmc']),
    ];
    const coverage = coverageByCompany(stories, { end: '2026-11-16', weeks: 3 });
    expect(coverage.get('tsmc')).toEqual([
      { start: '2026-11-02', count: 0 },
      { start: '2026-11-09', count: 1 },
      { start: '2026-11-16', count: 2 },
    ]);
    expect(coverage.get('nvidia')!.map((w) => w.count)).toEqual([0, 0, 1]);
    expect(coverage.has('amd')).toBe(false);
    expect(emptyCoverage({ end: '2026-11-16', weeks: 2 })).toEqual([
      { start: '2026-11-09', count: 0 },
      { start: '2026-11-16', count: 0 },
    ]);
  });
});

describe('the coverage chart', () => {
  const series = [
    { start: '2026-11-02', count: 1 },
    { start: '2026-11-09', count: 0 },
    { start: '2026-11-16', count: 3 },
  ];

  it('says what it shows in words', () => {
    expect(coverageSummary(series, 'TSMC')).toBe(
      'Stories naming TSMC on the wire per week, in the 3 weeks from 2 November 2026 to the week of 16 November 2026: 4 stories in all, in 2 of the 3 weeks; the busiest was the week of 16 November 2026, with 3 stories.',
    );
    expect(
      coverageSummary(
        [
          { start: '2026-11-02', count: 1 },
          { start: '2026-11-09', count: 1 },
        ],
        'AMD',
      ),
    ).toMatch(/at most 1 story in any one week\.$/);
    expect(
      coverageSummary(
        series.map((w) => ({ ...w, count: 0 })),
        'Oklo',
      ),
    ).toBe('No stories naming Oklo on the wire in the 3 weeks from 2 November 2026 to the week of 16 November 2026.');
  });

  it('draws one bar per week with stories, labelled for screen readers, and escapes the name', async () => {
    const svg = renderCoverageChart({ id: 'coverage-tsmc', series, name: 'AT&T <Co>' });
    expect(svg).toContain('role="img" aria-labelledby="coverage-tsmc-title coverage-tsmc-desc"');
    expect(svg.match(/<rect class="coverage-bar"/g)).toHaveLength(2);
    expect(svg).toContain('AT&amp;T &lt;Co&gt;');
    await expect(svg.replace(/></g, '>\n<')).toMatchFileSnapshot('__snapshots__/coverage-chart.svg');
  });
});

describe('related companies', () => {
  const companies = [
    { id: 'tsmc', name: 'TSMC', segment: 'foundry' },
    { id: 'intel', name: 'Intel', segment: 'foundry' },
    { id: 'amkor', name: 'Amkor', segment: 'foundry' },
    { id: 'nvidia', name: 'Nvidia', segment: 'accelerators' },
    { id: 'amd', name: 'AMD', segment: 'accelerators' },
  ];
  const counts = coMentions([{ companies: ['tsmc', 'nvidia'] }, { companies: ['tsmc', 'nvidia', 'amd'] }, { companies: ['tsmc', 'amkor', 'amkor'] }]);

  it('counts co-mentions both ways, once per source', () => {
    expect(counts.get('tsmc')).toEqual(
      new Map([
        ['nvidia', 2],
        ['amd', 1],
        ['amkor', 1],
      ]),
    );
    expect(counts.get('amkor')!.get('tsmc')).toBe(1);
  });

  it('lists segment peers, most named together first, and the companies most often named beside it', () => {
    const related = relatedCompanies(companies[0]!, companies, counts, 2);
    expect(related.peers.map((c) => c.id)).toEqual(['amkor', 'intel']);
    expect(related.named.map(({ company, count }) => [company.id, count])).toEqual([
      ['nvidia', 2],
      ['amd', 1],
    ]);
    expect(relatedCompanies(companies[1]!, companies, counts).named).toEqual([]);
  });
});
