// /data/ as built: every dataset in content/data with its source, licence, a preview chart that
// is an image with a title and description, and exactly the published essays and issues that use
// it. "Uses" is worked out here from the MDX files themselves (a data embed's data="…" or the
// frontmatter hero; drafts and pieces dated after the build's clock left out), not by the code
// under test.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readDatasets } from '../../src/lib/datasets/dataset-fs.ts';
import { BUILD_NOW, builtSite, pageDocument, repoRoot } from '../helpers/site.ts';

const datasets = readDatasets({ root: repoRoot });
const DATA_EMBED = /<(?:LineChart|BarChart|AreaChart|ScatterChart|Metric|Sparkline|DataTable)\s[^<]*?\bdata="([^"]+)"/g;

interface Piece {
  title: string;
  url: string;
  published: boolean;
  uses: Set<string>;
}

function pieces(collection: 'essays' | 'issues'): Piece[] {
  const dir = join(repoRoot, 'content', collection);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((file) => {
      const [, front, ...rest] = readFileSync(join(dir, file), 'utf8').split(/^---$/m);
      const data = parseYaml(front!) as { title: string; number?: number; date: string | Date; draft?: boolean; hero?: string };
      // Code blocks show embeds, they do not run them.
      const body = rest.join('---').replace(/^```[\s\S]*?^```/gm, '');
      const uses = new Set([...body.matchAll(DATA_EMBED)].map((m) => m[1]!));
      if (data.hero) uses.add(data.hero);
      const published = !data.draft && new Date(data.date).getTime() <= new Date(BUILD_NOW).getTime();
      return collection === 'essays'
        ? { title: data.title, url: `/essays/${file.replace(/\.mdx$/, '')}/`, published, uses }
        : { title: `Issue ${data.number}: ${data.title}`, url: `/issues/${data.number}/`, published, uses };
    });
}

let doc: Document;
let all: Piece[];
beforeAll(async () => {
  doc = pageDocument(await builtSite(), '/data/');
  all = [...pieces('essays'), ...pieces('issues')];
});

const section = (name: string) => doc.querySelector(`section.dataset[id="${name}"]`)!;
const fact = (name: string, term: string) =>
  [...section(name).querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling as HTMLElement | undefined;

describe('/data/', () => {
  it('has a section per dataset in content/data, under its anchor, listed at the top', () => {
    expect([...doc.querySelectorAll('section.dataset')].map((s) => s.id)).toEqual(datasets.map((d) => d.name));
    expect([...doc.querySelectorAll('.data-contents a')].map((a) => a.getAttribute('href'))).toEqual(datasets.map((d) => `#${d.name}`));
  });

  it('gives each its description, source and licence', () => {
    for (const d of datasets) {
      expect(section(d.name).querySelector('.dataset__description')?.textContent, d.name).toBe(d.meta.description);
      const source = fact(d.name, 'Source')!;
      if (d.meta.illustrative) expect(source.textContent, d.name).toContain('Illustrative');
      else {
        const link = source.querySelector('a')!;
        expect([link.getAttribute('href'), link.textContent], d.name).toEqual([d.meta.source!.url, d.meta.source!.name]);
      }
      expect(fact(d.name, 'Licence')?.textContent, d.name).toBe(d.meta.license);
    }
  });

  it('draws a preview for each: an SVG image labelled by its own title and description', () => {
    for (const d of datasets) {
      const svg = section(d.name).querySelector('figure.dataset-preview svg')!;
      expect(svg, d.name).toBeTruthy();
      expect(svg.getAttribute('role'), d.name).toBe('img');
      const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
      const title = svg.querySelector(`title[id="${titleId}"]`)?.textContent ?? '';
      const desc = svg.querySelector(`desc[id="${descId}"]`)?.textContent ?? '';
      expect(title, d.name).toContain(d.meta.title);
      // The description says the values in words, with the column's unit where it has one.
      expect(desc, d.name).toMatch(/low .+, high .+\.$/);
      const y = d.columns.find((c) => title.includes(`: ${c.label}`));
      if (y?.unit) expect(desc, d.name).toContain(y.unit);
      expect(svg.querySelectorAll('path, circle').length, d.name).toBeGreaterThan(0);
      expect(doc.querySelectorAll(`[id="${titleId}"]`).length, `${d.name}: ids are unique`).toBe(1);
    }
  });

  it('links exactly the published essays and issues that use each dataset, drafts and scheduled ones left out', () => {
    expect(all.some((p) => !p.published)).toBe(true);
    for (const d of datasets) {
      const expected = all
        .filter((p) => p.published && p.uses.has(d.name))
        .map((p) => [p.url, p.title])
        .sort();
      const listed = [...section(d.name).querySelectorAll('.dataset__uses a')].map((a) => [a.getAttribute('href'), a.textContent]).sort();
      expect(listed, d.name).toEqual(expected);
      expect(section(d.name).querySelector('.dataset__unused')?.textContent, d.name).toBe(expected.length ? undefined : 'Not used in an essay yet.');
    }
    const unpublished = all.filter((p) => !p.published).map((p) => p.url);
    const linked = [...doc.querySelectorAll('.dataset__uses a')].map((a) => a.getAttribute('href'));
    expect(linked.filter((href) => unpublished.includes(href!))).toEqual([]);
  });
});
