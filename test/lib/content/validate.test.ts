import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/validate.ts';
import { PROFILE, essay, files, taxonomy } from './fixtures.ts';

const problemsFor = (fields: Record<string, string | undefined>) => checkContent(files([essay('the-foundry.mdx', fields)])).problems;

describe('checkContent', () => {
  it('accepts a valid publication and counts it', () => {
    const report = checkContent(files([essay('a.mdx'), essay('b.mdx', { featured: 'false' })]));
    expect(report.problems).toEqual([]);
    expect(report.counts).toEqual({ essays: 2, authors: 1, topics: 3, companies: 2 });
  });

  it('names an unknown topic, suggests the closest and lists the allowed ones', () => {
    expect(problemsFor({ topics: '[chips, enrgy]' })).toMatchInlineSnapshot(`
      [
        "content/essays/the-foundry.mdx:6: topics[1]: unknown topic "enrgy"; did you mean "energy"? Allowed: chips, energy, networks (defined in content/taxonomy.yaml)",
      ]
    `);
  });

  it('names an unknown author and where authors are defined', () => {
    expect(problemsFor({ authors: '[nobody]' })).toMatchInlineSnapshot(`
      [
        "content/essays/the-foundry.mdx:5: authors[0]: unknown author "nobody" Allowed: mara-okafor (defined in content/authors/)",
      ]
    `);
  });

  it('names an unknown company', () => {
    expect(problemsFor({ companies: '[tsmcc]' })).toMatchInlineSnapshot(`
      [
        "content/essays/the-foundry.mdx:7: companies[0]: unknown company "tsmcc"; did you mean "tsmc"? Allowed: tsmc, nvidia (defined in content/taxonomy.yaml)",
      ]
    `);
  });

  it('rejects a date that is not a date', () => {
    expect(problemsFor({ date: 'next tuesday' })).toMatchInlineSnapshot(`
      [
        "content/essays/the-foundry.mdx:4: date: expected a date as YYYY-MM-DD such as 2026-03-14, received "next tuesday"",
      ]
    `);
    expect(problemsFor({ date: '2026-13-45' })).toHaveLength(1);
    // new Date() would make these 2 March and 1 May without a word.
    expect(problemsFor({ date: '2026-02-30' })).toEqual([
      'content/essays/the-foundry.mdx:4: date: 2026-02-30 is not a day of the calendar: February 2026 has 28 days. Write the date it should be, as YYYY-MM-DD',
    ]);
    expect(problemsFor({ date: '2026-04-31' })).toEqual([expect.stringContaining('April 2026 has 30 days')]);
    expect(problemsFor({ date: '2028-02-29' })).toEqual([]);
    expect(problemsFor({ date: undefined })).toEqual([
      'content/essays/the-foundry.mdx: date: required: add `date: 2026-03-14` (a date as YYYY-MM-DD)',
    ]);
  });

  it('rejects an updated day before the essay was published', () => {
    expect(problemsFor({ updated: '2026-01-10' })).toEqual([
      "content/essays/the-foundry.mdx:12: updated: 2026-01-10 is before the essay's date (2026-02-10): updated is the day of a revision after publication; correct it, or remove it",
    ]);
    expect(problemsFor({ updated: '2026-02-10' })).toEqual([]);
    expect(problemsFor({ updated: '2026-03-01' })).toEqual([]);
  });

  it('names a company, topic or author listed twice, at the second listing', () => {
    expect(problemsFor({ companies: '[tsmc, nvidia, tsmc]' })).toEqual([
      'content/essays/the-foundry.mdx:7: companies[2]: company "tsmc" is listed twice (also at [0]): remove one',
    ]);
    expect(problemsFor({ topics: '[chips, chips]' })).toEqual([expect.stringContaining('topics[1]: topic "chips" is listed twice')]);
  });

  it('takes only an http(s) canonical URL', () => {
    for (const bad of ['ftp://example.com/post', 'javascript:alert(1)', 'example.com/post']) {
      expect(problemsFor({ canonical: bad })).toEqual([
        expect.stringMatching(/the-foundry\.mdx:\d+: canonical: expected an absolute http\(s\) URL such as https:\/\/example\.com\/post$/),
      ]);
    }
    expect(problemsFor({ canonical: 'https://example.com/post' })).toEqual([]);
  });

  it('says how to add a missing title', () => {
    expect(problemsFor({ title: undefined })).toMatchInlineSnapshot(`
      [
        "content/essays/the-foundry.mdx: title: required: add \`title: "..."\` to the frontmatter",
      ]
    `);
  });

  it('rejects unknown fields, listing the allowed ones', () => {
    expect(problemsFor({ tittle: '"x"' })).toMatchInlineSnapshot(`
      [
        "content/essays/the-foundry.mdx:12: tittle: unknown field "tittle": allowed fields are title, dek, date, updated, authors, topics, companies, disclosures, corrections, tags, draft, featured, canonical, hero",
      ]
    `);
  });

  it('rejects a topic given as a string instead of a list, and bad tags and flags', () => {
    const problems = problemsFor({ topics: 'chips', tags: '[Big Tag]', draft: '"yes"' });
    expect(problems).toEqual([
      'content/essays/the-foundry.mdx:6: topics: expected a list such as [chips, energy], received "chips"',
      'content/essays/the-foundry.mdx:8: tags[0]: expected a lowercase tag with hyphens, such as "co-packaged-optics"',
      'content/essays/the-foundry.mdx:9: draft: expected true or false',
    ]);
  });

  it('checks the hero dataset against content/data', () => {
    expect(problemsFor({ hero: 'hbm-share' })).toEqual([]);
    expect(problemsFor({ hero: 'hbm-shares' })[0]).toContain('unknown dataset "hbm-shares"; did you mean "hbm-share"?');
  });

  it('reports a duplicate slug instead of overwriting', () => {
    const report = checkContent(files([essay('The-Foundry.mdx'), essay('the-foundry.md')]));
    expect(report.problems).toEqual([
      'content/essays/the-foundry.md: duplicate slug "the-foundry": content/essays/The-Foundry.mdx already uses it. Rename one of the files.',
    ]);
  });

  it('locates YAML syntax errors by line and column', () => {
    const broken = { file: 'content/essays/x.mdx', text: '---\ntitle: "unterminated\ndek: x\n---\nBody' };
    const [problem] = checkContent(files([broken])).problems;
    expect(problem).toMatch(/^content\/essays\/x\.mdx:\d+:\d+ /);
  });

  it('requires frontmatter', () => {
    const [problem] = checkContent(files([{ file: 'content/essays/x.mdx', text: '# Just a heading' }])).problems;
    expect(problem).toBe('content/essays/x.mdx:1:1 no frontmatter: start the file with a --- block');
  });

  it('checks the taxonomy itself: dangling segments and topics, duplicate ids', () => {
    const bad = {
      file: taxonomy.file,
      text: taxonomy.text.replace('segment: foundry, aliases: [Nvidia], topics: [chips]', 'segment: gpus, aliases: [Nvidia], topics: [chip]') +
        `  - { id: tsmc, name: Again, segment: foundry, topics: [chips], country: TW, website: "https://www.tsmc.com/", description: "${PROFILE}" }\n`,
    };
    expect(checkContent({ taxonomy: bad, authors: [], essays: [] }).problems).toEqual([
      'content/taxonomy.yaml:10: companies[2].id: company id "tsmc" is defined twice: rename one (ids are URLs and frontmatter values)',
      'content/taxonomy.yaml:9: companies[1].segment: unknown segment "gpus" for nvidia. Allowed: foundry',
      'content/taxonomy.yaml:9: companies[1].topics[0]: unknown topic "chip" for nvidia. Allowed: chips, energy, networks',
    ]);
  });

  it('validates authors', () => {
    const report = checkContent({ taxonomy, authors: [{ file: 'content/authors/x.yaml', text: 'name: X\nlinks:\n  - { label: Site, url: "ftp://x" }\n' }], essays: [] });
    expect(report.problems).toEqual([
      'content/authors/x.yaml: bio: required: add `bio: "..."` to the frontmatter',
      'content/authors/x.yaml: links[0].url: expected an http(s) or mailto: URL',
    ]);
  });
});
