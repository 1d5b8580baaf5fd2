// The content collections bound in src/content.config.ts, with one bad company profile in the
// taxonomy: the essays' schema still knows every company id, so an essay naming a company is valid
// and the bad profile reports only its own problem (through the content check and the companies
// collection), not "unknown company" on every essay. Astro's virtual modules are stubbed: the
// config is imported as plain TypeScript, in a scratch folder holding that taxonomy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { checkTaxonomy } from '../../src/lib/content/validate.ts';
import { author, essay, taxonomy } from '../lib/content/fixtures.ts';

vi.mock('astro:content', () => ({ defineCollection: (config: unknown) => config }));
vi.mock('astro/loaders', () => ({ file: () => ({ name: 'file' }), glob: () => ({ name: 'glob' }) }));

const cwd = process.cwd();
let dir: string;
// The fixture taxonomy with TSMC's country written as "UK": an invalid profile.
const bad = taxonomy.text.replace('country: TW', 'country: UK');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'substation-config-'));
  mkdirSync(join(dir, 'content/authors'), { recursive: true });
  writeFileSync(join(dir, 'content/taxonomy.yaml'), bad);
  writeFileSync(join(dir, author.file), author.text);
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('the essays collection with one bad company profile', () => {
  it('is a bad profile: the taxonomy check rejects it, naming the field', () => {
    expect(checkTaxonomy({ file: 'content/taxonomy.yaml', text: bad }).problems.join('\n')).toMatch(/companies\[0\]\.country/);
  });

  it('still knows every company, so an essay naming TSMC and Nvidia is valid', async () => {
    const { collections } = (await import('../../src/content.config.ts')) as unknown as { collections: { essays: { schema: ZodType } } };
    const data = splitFrontmatter(essay('content/essays/the-foundry.mdx').text).data;
    const parsed = collections.essays.schema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
});
