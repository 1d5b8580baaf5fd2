// The data embeds as published: the sample essays carry real charts and metrics, every chart is an
// accessible SVG with its source and a working CSV download, /data/ lists every dataset, and the
// charts add no client code nor anything the site's CSP would block (style attributes).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDatasetNames, readDatasets } from '../../src/lib/datasets/dataset-fs.ts';
import { themeScript } from '../../src/lib/theme-script.ts';
import { allPages, builtSite, pageDocument, repoRoot } from '../helpers/site.ts';

let dist: string;
let essays: Array<{ path: string; doc: Document }>;
const datasets = readDatasets({ root: repoRoot });

beforeAll(async () => {
  dist = await builtSite();
  // Only published essays are built, so every /essays/<slug>/ page in dist is a published one.
  essays = allPages(dist)
    .filter((p) => /^\/essays\/[^/]+\/$/.test(p))
    .map((path) => ({ path, doc: pageDocument(dist, path) }));
});

const charts = () => essays.flatMap(({ path, doc }) => [...doc.querySelectorAll('figure.chart')].map((figure) => ({ path, figure })));
const chartSvgs = () => essays.flatMap(({ path, doc }) => [...doc.querySelectorAll('figure.chart svg.chart-svg')].map((svg) => ({ path, svg })));

describe('data embeds in the published essays', () => {
  it('ships every dataset in content/data, the real ones with their source', () => {
    expect(datasets.map((d) => d.name).sort()).toEqual(listDatasetNames({ root: repoRoot }));
    expect(datasets.filter((d) => !d.meta.illustrative).length).toBeGreaterThanOrEqual(4);
    for (const d of datasets.filter((x) => !x.meta.illustrative)) expect(d.meta.source?.url, d.name).toMatch(/^https:\/\//);
  });

  it('has at least 8 charts, 4 metrics, a sparkline, a data table and a callout', () => {
    expect(essays.length).toBeGreaterThanOrEqual(6);
    expect(charts().length).toBeGreaterThanOrEqual(8);
    expect(chartSvgs().length).toBeGreaterThanOrEqual(8);
    const count = (selector: string) => essays.reduce((n, { doc }) => n + doc.querySelectorAll(selector).length, 0);
    expect(count('.metric')).toBeGreaterThanOrEqual(4);
    expect(count('p .sparkline svg[role="img"]')).toBeGreaterThanOrEqual(1);
    expect(count('.data-table-wrap table.data-table')).toBeGreaterThanOrEqual(1);
    expect(count('aside.callout')).toBeGreaterThanOrEqual(1);
  });

  it('uses all four chart types, including a grouped or stacked bar and a horizontal bar', () => {
    const kinds = chartSvgs().map(({ svg }) => svg.getAttribute('class') ?? '');
    for (const kind of ['chart-line', 'chart-bar', 'chart-area', 'chart-scatter'])
      expect(
        kinds.some((k) => k.split(' ').includes(kind)),
        kind,
      ).toBe(true);
    expect(kinds.some((k) => k.includes('chart-horizontal'))).toBe(true);
    const bars = charts().filter(({ figure }) => figure.querySelector('svg.chart-bar'));
    // A bar chart with series (grouped or stacked) has a legend of more than one series.
    expect(bars.some(({ figure }) => figure.querySelectorAll('.chart-legend li').length > 1)).toBe(true);
  });

  it('gives every chart SVG role="img" and aria-labelledby pointing at its own non-empty <title> and <desc>', () => {
    for (const { path, svg } of chartSvgs()) {
      const where = `${path} ${svg.getAttribute('id')}`;
      expect(svg.getAttribute('role'), where).toBe('img');
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
      expect(ids, where).toHaveLength(2);
      const [title, desc] = ids.map((id) => svg.querySelector(`[id="${id}"]`));
      expect(title?.tagName.toLowerCase(), where).toBe('title');
      expect(desc?.tagName.toLowerCase(), where).toBe('desc');
      expect(title?.textContent?.trim(), where).toBeTruthy();
      // The alt text is a sentence about what the chart shows, not a placeholder.
      expect(desc?.textContent?.trim().length ?? 0, where).toBeGreaterThan(40);
    }
  });

  it('keeps chart, title and desc ids unique on each page', () => {
    for (const { path, doc } of essays) {
      const ids = [...doc.querySelectorAll('[id]')].map((el) => el.getAttribute('id')!);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        path,
      ).toEqual([]);
    }
  });

  it('gives every chart a figure anchor, a source line and a CSV download that exists in dist', () => {
    for (const { path, figure } of charts()) {
      const where = `${path} #${figure.getAttribute('id')}`;
      expect(figure.getAttribute('id'), where).toMatch(/^figure-[a-z0-9-]+$/);
      const foot = figure.querySelector('.chart-foot');
      expect(foot, where).not.toBeNull();
      const text = foot!.textContent ?? '';
      expect(text, where).toMatch(/Illustrative data\.|Source: /);
      const download = [...foot!.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Download the data (CSV)');
      expect(download, where).toBeDefined();
      const href = download!.getAttribute('href')!;
      const name = /^\/data\/([a-z0-9-]+)\.csv$/.exec(href)?.[1];
      expect(name, `${where}: ${href}`).toBeDefined();
      expect(existsSync(join(dist, 'data', `${name}.csv`)), `${where}: ${href}`).toBe(true);
      const dataset = datasets.find((d) => d.name === name)!;
      expect(text, where).toContain(`Retrieved ${dataset.meta.retrieved.toISOString().slice(0, 10)}.`);
      if (dataset.meta.illustrative) {
        expect(text, where).toContain('Illustrative data.');
      } else {
        expect(foot!.querySelector('a[href^="http"]')?.getAttribute('href'), where).toBe(dataset.meta.source?.url);
      }
    }
  });

  it('labels every metric built on illustrative data as illustrative', () => {
    for (const { path, doc } of essays) {
      for (const metric of doc.querySelectorAll('.metric')) {
        expect(metric.querySelector('.metric-value')?.textContent?.trim(), path).toBeTruthy();
        expect(metric.querySelector('.metric-source')?.textContent, path).toMatch(/^(Illustrative data|Source: .+)$/);
      }
    }
  });

  it('uses no style attribute in embeds (the CSP blocks them)', () => {
    for (const { path, doc } of essays) {
      const styled = [...doc.querySelectorAll('figure.chart [style], figure.chart[style], .metric [style], .sparkline [style], .data-table-wrap [style]')];
      expect(
        styled.map((el) => `${el.tagName} ${el.getAttribute('style')}`),
        path,
      ).toEqual([]);
    }
  });

  it('ships no script on essay pages with charts but the theme script and JSON-LD', () => {
    const withCharts = essays.filter(({ doc }) => doc.querySelector('figure.chart'));
    expect(withCharts.length).toBeGreaterThanOrEqual(5);
    for (const { path, doc } of withCharts) {
      const scripts = [...doc.querySelectorAll('script')];
      const code = scripts.filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(
        code.map((s) => s.textContent),
        path,
      ).toEqual([themeScript]);
      expect(
        scripts.some((s) => s.hasAttribute('src')),
        path,
      ).toBe(false);
    }
  });
});

describe('/data/', () => {
  it('lists every dataset with its provenance and a CSV download each', () => {
    const doc = pageDocument(dist, '/data/');
    for (const d of datasets) {
      const section = doc.querySelector(`section.dataset[id="${d.name}"]`);
      expect(section, d.name).not.toBeNull();
      const terms = [...section!.querySelectorAll('dt')].map((dt) => dt.textContent);
      expect(terms, d.name).toEqual(expect.arrayContaining(['Source', 'Licence', 'Retrieved', 'Derived', 'Regenerate']));
      const regenerate = [...section!.querySelectorAll('dt')].find((dt) => dt.textContent === 'Regenerate')!.nextElementSibling!.textContent!;
      expect(regenerate, d.name).toContain((d.meta as { loader?: unknown }).loader ? `npm run data -- ${d.name}` : 'no loader');
      expect(section!.querySelector('h2')?.textContent, d.name).toBe(d.meta.title);
      expect(section!.querySelector(`a[href="/data/${d.name}.csv"]`), d.name).not.toBeNull();
    }
  });

  it('serves every dataset as the CSV committed in content/data', () => {
    for (const d of datasets) {
      const built = readFileSync(join(dist, 'data', `${d.name}.csv`), 'utf8');
      expect(built, d.name).toBe(readFileSync(join(repoRoot, 'content/data', `${d.name}.csv`), 'utf8'));
    }
  });
});
