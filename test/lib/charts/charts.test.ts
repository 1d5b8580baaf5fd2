// One SVG snapshot per chart type and variant, named after the test, plus the accessibility contract
// every chart keeps. Output is deterministic (stable ids, rounded coordinates), so any diff is real.
import { describe, expect, test } from 'vitest';
import { renderAreaChart } from '../../../src/lib/charts/area.ts';
import { renderBarChart } from '../../../src/lib/charts/bar.ts';
import { renderLineChart } from '../../../src/lib/charts/line.ts';
import { renderScatterChart } from '../../../src/lib/charts/scatter.ts';
import { renderSparkline } from '../../../src/lib/charts/sparkline.ts';
import { baseSpec, capex, col } from './fixtures.ts';

const latest = capex.rows.filter((r) => (r.quarter as Date).getTime() === Date.UTC(2024, 9, 1));

const charts: Record<string, () => string> = {
  'line-series': () => renderLineChart(baseSpec('line-series')).svg,
  'line-single': () => renderLineChart({ ...baseSpec('line-single'), series: undefined, rows: capex.rows.filter((r) => r.company === 'Meta') }).svg,
  'line-highlight-narrow': () => renderLineChart({ ...baseSpec('line-highlight-narrow'), highlight: 'Meta', width: 360, height: 300 }).svg,
  'line-annotated': () =>
    renderLineChart({ ...baseSpec('line-annotated'), yFormat: '$,.0f', annotations: [{ x: new Date(Date.UTC(2024, 0, 1)), label: 'New fiscal year' }] }).svg,
  'bar-stacked': () => renderBarChart(baseSpec('bar-stacked')).svg,
  'bar-grouped': () => renderBarChart({ ...baseSpec('bar-grouped'), rows: capex.rows.slice(16), layout: 'grouped' }).svg,
  'bar-horizontal': () => renderBarChart({ ...baseSpec('bar-horizontal'), x: col('company'), series: undefined, rows: latest, horizontal: true }).svg,
  'bar-horizontal-grouped': () =>
    renderBarChart({ ...baseSpec('bar-horizontal-grouped'), x: col('region'), rows: latest, horizontal: true, layout: 'grouped' }).svg,
  area: () => renderAreaChart(baseSpec('area')).svg,
  scatter: () => renderScatterChart({ ...baseSpec('scatter'), x: col('capex_bn'), y: col('capex_bn') }).svg,
  sparkline: () => renderSparkline({ id: 'spark', title: 'Meta capex', description: 'Rising from 11 to 20 USD bn', values: [11, 12.5, null, 14, 16.2, 20] }),
};

describe('chart snapshots', () => {
  for (const [name, render] of Object.entries(charts)) {
    test(name, async () => {
      const svg = render();
      await expect(svg).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
      expect(render()).toBe(svg);
    });
  }
});

describe('accessibility', () => {
  for (const [name, render] of Object.entries(charts)) {
    test(`${name}: role, title, desc, aria-labelledby`, () => {
      const svg = render();
      const id = /^<svg[^>]* id="([^"]+)"/.exec(svg)?.[1];
      expect(id).toBeTruthy();
      expect(svg).toMatch(/^<svg[^>]* role="img"/);
      expect(svg).toMatch(new RegExp(`^<svg[^>]* aria-labelledby="${id}-title ${id}-desc"`));
      expect(svg).toContain(`<title id="${id}-title">`);
      expect(svg).toContain(`<desc id="${id}-desc">`);
      expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
      expect(svg).not.toContain('<style');
      // No names inside the image: aria-label on a <g> is prohibited ARIA; the title and desc say it all.
      expect(svg.replace(/^<svg[^>]*>/, '')).not.toMatch(/aria-label/);
      expect(svg).not.toMatch(/="[^"]*\d\.\d{3,}/);
    });
  }

  test('text is escaped in title and desc', () => {
    const svg = renderLineChart({ ...baseSpec('esc'), title: 'A < B & "C"' }).svg;
    expect(svg).toContain('<title id="esc-title">A &lt; B &amp; "C"</title>');
  });
});

describe('line labels', () => {
  test('each series is labelled once, in its colour, with no two labels closer than a line', () => {
    const svg = renderLineChart(baseSpec('labels')).svg;
    const group = /<g[^>]* class="line-labels"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    const labels = [...group.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
      text: m[2],
      y: Number(/ y="([\d.]+)"/.exec(m[1]!)![1]),
      fill: /fill="([^"]+)"/.exec(m[1]!)![1],
    }));
    expect(labels.map((l) => l.text)).toEqual(['Microsoft', 'Alphabet', 'Amazon', 'Meta']);
    expect(labels.map((l) => l.fill)).toEqual(['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)']);
    const ys = labels.map((l) => l.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
  });
});
