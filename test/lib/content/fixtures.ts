// A tiny publication in memory: the checker is pure, so its tests need no files.
import type { SourceFile } from '../../../src/lib/content/source-file.ts';
import type { ContentFiles } from '../../../src/lib/content/validate.ts';

/** A profile long enough to pass the company schema (120 characters or more, one paragraph). */
export const PROFILE = 'A chip company in the fixture taxonomy, described in one plain paragraph that is long enough to pass the company profile check.';

export const taxonomy: SourceFile = {
  file: 'content/taxonomy.yaml',
  text: `topics:
  - { id: chips, label: Chips, description: Semiconductors., keywords: [wafer] }
  - { id: energy, label: Energy, description: Power for compute., keywords: [grid] }
  - { id: networks, label: Networks, description: Moving bits., keywords: [optical] }
segments:
  - { id: foundry, label: Foundries }
companies:
  - { id: tsmc, name: TSMC, ticker: TSM, exchange: NYSE, country: TW, website: "https://www.tsmc.com/", segment: foundry, aliases: [TSMC], topics: [chips], description: "${PROFILE}" }
  - { id: nvidia, name: Nvidia, ticker: NVDA, exchange: NASDAQ, country: US, website: "https://www.nvidia.com/", segment: foundry, aliases: [Nvidia], topics: [chips], description: "${PROFILE}" }
`,
};

export const author: SourceFile = {
  file: 'content/authors/mara-okafor.yaml',
  text: 'name: Mara Okafor\nbio: Writes about chips.\nlinks:\n  - { label: Email, url: "mailto:mara@substation.example" }\n',
};

export const goodFrontmatter: Record<string, string> = {
  title: '"The Foundry Is the Moat"',
  dek: '"Packaging, not lithography, sets the pace."',
  date: '2026-02-10',
  authors: '[mara-okafor]',
  topics: '[chips]',
  companies: '[tsmc, nvidia]',
  tags: '[packaging]',
  draft: 'false',
  featured: 'true',
  disclosures: '{ mara-okafor: none }',
};

/** An essay file from frontmatter fields; `undefined` drops a field. */
export function essay(name: string, fields: Record<string, string | undefined> = {}): SourceFile {
  const merged = { ...goodFrontmatter, ...fields };
  const yaml = Object.entries(merged)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return { file: `content/essays/${name}`, text: `---\n${yaml}\n---\n\nBody.\n` };
}

export function files(essays: SourceFile[]): ContentFiles {
  return { taxonomy, authors: [author], essays, datasets: ['hbm-share'] };
}
