// Small deterministic datasets for chart snapshots: quarterly capex by company (illustrative).
import type { Dataset } from '../../../src/lib/datasets/dataset.ts';
import type { ChartSpec } from '../../../src/lib/charts/types.ts';
import { load } from '../data/helpers.ts';

const companies = ['Microsoft', 'Alphabet', 'Amazon', 'Meta'];
const lines = ['quarter,company,capex_bn,region'];
for (let q = 0; q < 8; q++) {
  companies.forEach((c, i) => {
    const value = q === 3 && i === 2 ? '' : (10 + q * (1 + i * 0.35) + ((q * 7 + i * 3) % 5) * 0.4).toFixed(2);
    lines.push(`${2023 + Math.floor(q / 4)} Q${(q % 4) + 1},${c},${value},${i % 2 ? 'US' : 'Global'}`);
  });
}

export const capex: Dataset = load(lines.join('\n'), {
  columns: {
    quarter: { type: 'date', label: 'Quarter' },
    company: { type: 'string', label: 'Company' },
    capex_bn: { type: 'number', unit: 'USD bn', label: 'Capital expenditure' },
  },
});

export function col(name: string) {
  return capex.columns.find((c) => c.name === name)!;
}

export function baseSpec(id: string): ChartSpec {
  return {
    id,
    title: 'Hyperscaler capex by quarter',
    description: 'Quarterly capital expenditure of four hyperscalers, 2023 to 2024; all four rise.',
    x: col('quarter'),
    y: col('capex_bn'),
    series: col('company'),
    rows: capex.rows,
  };
}
