// The /data/ preview: which series it draws by the rule in src/lib/datasets/preview.ts, the words
// that describe it, and the SVG (a snapshot), on small datasets shaped like the sample's.
import { describe, expect, it } from 'vitest';
import { choosePreview, previewCaption, previewDescription, previewTitle, renderPreview, type Preview } from '../../../src/lib/datasets/preview.ts';
import { load } from '../data/helpers.ts';

const share = load('year,supplier,share\n2022,SK hynix,50%\n2022,Samsung,40%\n2023,SK hynix,53%\n2023,Samsung,38%\n2024,SK hynix,55%\n2024,Samsung,35%', {
  columns: {
    year: { type: 'integer', label: 'Year', format: 'd' },
    supplier: { type: 'string', label: 'Supplier' },
    share: { type: 'percent', label: 'Revenue share' },
  },
});

const capex = load('quarter,capex_bn,note\n2024 Q3,12.5,\n2024 Q1,9.1,\n2024 Q2,,late\n2024 Q4,14.8,', {
  columns: {
    quarter: { type: 'date', label: 'Quarter', format: '%Y Q%q' },
    capex_bn: { type: 'number', unit: 'USD bn', label: 'Capital expenditure' },
  },
});

const chips = load('chip,maker,released,memory_gb\nA1,Acme,2020-03-01,16\nB2,Bolt,2021-06-01,80\nA3,Acme,2023-01-15,141', {
  columns: {
    chip: { type: 'string', label: 'Chip' },
    maker: { type: 'string', label: 'Manufacturer' },
    released: { type: 'date', label: 'Released', format: '%b %Y' },
    memory_gb: { type: 'number', unit: 'GB', label: 'Memory' },
  },
});

const keys = (p: Preview | undefined) => p?.lines.map((l) => l.key);
const ys = (p: Preview | undefined, i = 0) => p?.lines[i]?.points.map((pt) => pt.y);

describe('choosePreview', () => {
  it('draws a long-format file as one line per category, in order of first appearance, over the year column', () => {
    const p = choosePreview(share)!;
    expect([p.x?.name, p.y.name, p.series?.name, p.mark]).toEqual(['year', 'share', 'supplier', 'line']);
    expect(keys(p)).toEqual(['SK hynix', 'Samsung']);
    expect(ys(p, 1)).toEqual([40, 38, 35]);
    expect(p.lines.map((l) => l.color)).toEqual(['var(--series-1)', 'var(--series-2)']);
  });

  it('takes a date column for x and sorts the line by it, a blank value left as a gap', () => {
    const p = choosePreview(capex)!;
    expect([p.x?.name, p.y.name, p.series, p.mark]).toEqual(['quarter', 'capex_bn', undefined, 'line']);
    expect(keys(p)).toEqual([undefined]);
    expect(ys(p)).toEqual([9.1, null, 12.5, 14.8]);
    expect(p.lines[0]!.color).toBe('var(--series-1)');
  });

  it('draws dots when a text column names every row: the rows are things, not a series over time', () => {
    const p = choosePreview(chips)!;
    expect([p.x?.name, p.y.name, p.series?.name, p.label?.name, p.mark, p.dot]).toEqual(['released', 'memory_gb', 'maker', 'chip', 'dot', 'chip']);
    expect(keys(p)).toEqual(['Acme', 'Bolt']);
  });

  it('reads an integer column as x only when it holds years', () => {
    const counts = load('sites,mw\n3,120\n5,80\n4,200', {
      columns: { sites: { type: 'integer', label: 'Sites' }, mw: { type: 'number', label: 'Capacity', unit: 'MW' } },
    });
    const p = choosePreview(counts)!;
    expect([p.x, p.y.name]).toEqual([undefined, 'sites']);
    expect(p.lines[0]!.points.map((pt) => pt.x)).toEqual([0, 1, 2]);
  });

  it('draws dots when a text column has more categories than the palette has colours', () => {
    const csv = ['year,region,gw', ...Array.from({ length: 9 }, (_, i) => [`2024,R${i},${i + 1}`, `2025,R${i},${i + 2}`]).flat()].join('\n');
    const p = choosePreview(
      load(csv, {
        columns: { year: { type: 'integer', label: 'Year' }, region: { type: 'string', label: 'Region' }, gw: { type: 'number', label: 'Capacity' } },
      }),
    )!;
    expect([p.series, p.label?.name, p.mark, p.dot]).toEqual([undefined, 'region', 'dot', 'row']);
  });

  it('has nothing to draw without a numeric value', () => {
    const names = load('name,country\nA,US\nB,TW', { columns: { name: { type: 'string' }, country: { type: 'string' } } });
    expect(choosePreview(names)).toBeUndefined();
    const blank = load('year,gw\n2024,\n2025,', { columns: { year: { type: 'integer' }, gw: { type: 'number' } } });
    expect(choosePreview(blank)).toBeUndefined();
  });
});

describe('previewDescription', () => {
  it('says the span once, each line from first to last value, and the low and high, with units', () => {
    expect(previewDescription(choosePreview(share)!)).toBe(
      'Revenue share by supplier, 2022 to 2024: SK hynix from 50% to 55%; Samsung from 40% to 35%; low 35% (Samsung, 2024), high 55% (SK hynix, 2024).',
    );
    expect(previewDescription(choosePreview(capex)!)).toBe(
      'Capital expenditure, 2024 Q1 to 2024 Q4: from 9.1 USD bn to 14.8 USD bn; low 9.1 USD bn (2024 Q1), high 14.8 USD bn (2024 Q4).',
    );
  });

  it('gives a line its own years when it starts or ends elsewhere, and a single point as one value', () => {
    const dc = load('year,case,twh\n2018,Estimate,76\n2023,Estimate,176\n2028,Projection,580', {
      columns: {
        year: { type: 'integer', label: 'Year', format: 'd' },
        case: { type: 'string', label: 'Case' },
        twh: { type: 'number', label: 'Electricity use', unit: 'TWh' },
      },
    });
    expect(previewDescription(choosePreview(dc)!)).toBe(
      'Electricity use by case, 2018 to 2028: Estimate from 76 TWh in 2018 to 176 TWh in 2023; Projection 580 TWh in 2028; low 76 TWh (Estimate, 2018), high 580 TWh (Projection, 2028).',
    );
  });

  it('names the lowest and highest dots by the column that names the rows', () => {
    expect(previewDescription(choosePreview(chips)!)).toBe(
      'Memory by manufacturer, one dot per chip (3), Mar 2020 to Jan 2023: low 16 GB (A1, Mar 2020), high 141 GB (A3, Jan 2023).',
    );
  });

  it('captions and titles the chart with what it draws', () => {
    expect(previewCaption(choosePreview(share)!)).toBe('Revenue share, %, by supplier');
    expect(previewCaption(choosePreview(chips)!)).toBe('Memory, GB, by manufacturer, one dot per chip');
    expect(previewTitle('HBM market share', choosePreview(share)!)).toBe('HBM market share: Revenue share by supplier');
  });
});

describe('renderPreview', () => {
  it('is an image labelled by its title and description, lines in the palette, a gap where a value is blank', async () => {
    const p = choosePreview(capex)!;
    const svg = renderPreview(p, { id: 'preview-capex', title: 'Capex <by> quarter', description: previewDescription(p) });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="preview-capex-title preview-capex-desc"/);
    expect(svg).toContain('<title id="preview-capex-title">Capex &lt;by&gt; quarter</title>');
    expect(svg).toContain(`<desc id="preview-capex-desc">${previewDescription(p)}</desc>`);
    expect(svg.match(/<path d="([^"]+)"/)![1]!.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('stroke="var(--series-1)"');
    // The first value stands alone before the gap: it gets a dot, as the latest does.
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect([...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['14.8', '9.1', '2024 Q1', '2024 Q4']);
    await expect(svg.replace(/></g, '>\n<')).toMatchFileSnapshot('__snapshots__/preview-line.svg');
  });

  it('draws one dot per row, coloured by series, and escapes category text', async () => {
    const p = choosePreview(share)!;
    const svg = renderPreview(p, { id: 'preview-share', title: 'Share', description: 'd' });
    expect(svg.match(/<path /g)).toHaveLength(2);
    const dots = renderPreview(choosePreview(chips)!, { id: 'preview-chips', title: 'Chips & co', description: 'A "quoted" <b>' });
    expect(dots.match(/<circle /g)).toHaveLength(3);
    expect(dots).toContain('Chips &amp; co');
    expect(dots).toContain('A &quot;quoted&quot; &lt;b&gt;');
    await expect(dots.replace(/></g, '>\n<')).toMatchFileSnapshot('__snapshots__/preview-dots.svg');
  });
});
