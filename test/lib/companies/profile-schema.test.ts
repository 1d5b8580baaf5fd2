// The company profile in the taxonomy: every field checked, each mistake named with its file, line,
// field and fix, and the sample taxonomy's every company carrying a real profile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkTaxonomy } from '../../../src/lib/content/validate.ts';
import { CompanySchema, TaxonomySchema, countryName } from '../../../src/lib/schema/taxonomy.ts';
import { firstSentence, profileFacts, shortName, wireNames } from '../../../src/lib/companies/profile.ts';

const root = join(import.meta.dirname, '../../..');
const PROFILE = 'A foundry that makes chips for other companies, described here in one plain paragraph long enough to pass the profile check.';

/** A one-company taxonomy with `fields` replacing (or, as undefined, removing) the good company's. */
function taxonomyWith(fields: Record<string, string | undefined>): string {
  const good: Record<string, string> = {
    id: 'tsmc',
    name: 'TSMC',
    description: JSON.stringify(PROFILE),
    ticker: 'TSM',
    exchange: 'NYSE',
    country: 'TW',
    website: '"https://www.tsmc.com/"',
    segment: 'foundry',
    aliases: '[TSMC]',
    topics: '[chips]',
  };
  const merged = { ...good, ...fields };
  const company = Object.entries(merged)
    .filter(([, v]) => v !== undefined)
    .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`)
    .join('\n');
  return `topics:\n  - { id: chips, label: Chips, description: Chips., keywords: [wafer] }\nsegments:\n  - { id: foundry, label: Foundries }\ncompanies:\n${company}\n`;
}
const problems = (fields: Record<string, string | undefined>) => checkTaxonomy({ file: 'content/taxonomy.yaml', text: taxonomyWith(fields) }).problems;

describe('the company schema', () => {
  it('accepts a full profile, and a private company without ticker or exchange', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ ticker: undefined, exchange: undefined })).toEqual([]);
  });

  it('names each missing field on the line of the company, with what to add', () => {
    expect(problems({ description: undefined, country: undefined, website: undefined })).toMatchInlineSnapshot(`
      [
        "content/taxonomy.yaml:6: companies[0].description: required: add \`description: >-\` with one paragraph on what the company does and where it sits in the bottleneck",
        "content/taxonomy.yaml:6: companies[0].country: required: add \`country: US\` (the ISO 3166 code of the headquarters country)",
        "content/taxonomy.yaml:6: companies[0].website: required: add \`website: https://www.example.com/\` (the company's own site)",
      ]
    `);
  });

  it('refuses a description that is short, a placeholder, two paragraphs or unfinished', () => {
    expect(problems({ description: 'Makes chips.' })).toMatchInlineSnapshot(`
      [
        "content/taxonomy.yaml:8: companies[0].description: too short (12 characters): write 120 to 900 characters on what the company does and where it sits in the bottleneck",
      ]
    `);
    expect(problems({ description: JSON.stringify(`TODO: ${PROFILE}`) })).toEqual([
      'content/taxonomy.yaml:8: companies[0].description: still a placeholder ("TODO"): write what the company does',
    ]);
    expect(problems({ description: JSON.stringify(`${PROFILE}\n\n${PROFILE}`) })).toEqual([
      'content/taxonomy.yaml:8: companies[0].description: write one paragraph: remove the blank line',
    ]);
    expect(problems({ description: JSON.stringify(PROFILE.replace(/\.$/, ' and')) })).toEqual([
      'content/taxonomy.yaml:8: companies[0].description: end the paragraph with a full stop',
    ]);
  });

  it('wants the exchange in its own field, from the known list, and only beside a ticker', () => {
    expect(problems({ ticker: '"TYO:8035"', exchange: undefined })).toEqual([
      'content/taxonomy.yaml:9: companies[0].ticker: write the exchange on its own: `ticker: "8035"` and `exchange: TSE`',
      'content/taxonomy.yaml:6: companies[0].exchange: required with a ticker: add `exchange: NASDAQ` (one of NASDAQ, NYSE, TWSE, HKEX, SSE, KRX, TSE, AMS, EPA, BIT, XETRA, LSE, SIX, HEL, STO, CPH, TSX, ASX)',
    ]);
    expect(problems({ exchange: 'NASDQ' })).toEqual([
      'content/taxonomy.yaml:10: companies[0].exchange: unknown exchange "NASDQ"; did you mean "NASDAQ"? Allowed: NASDAQ, NYSE, TWSE, HKEX, SSE, KRX, TSE, AMS, EPA, BIT, XETRA, LSE, SIX, HEL, STO, CPH, TSX, ASX (add one to EXCHANGES in src/lib/schema/taxonomy.ts)',
    ]);
    expect(problems({ ticker: undefined })).toEqual([
      'content/taxonomy.yaml:6: companies[0].ticker: required with an exchange: add `ticker: "..."`, or remove `exchange` for a private company',
    ]);
    expect(problems({ ticker: '8035' })).toEqual([
      'content/taxonomy.yaml:9: companies[0].ticker: expected the ticker as text such as "NVDA" (quote a numeric one: "8035"), received number 8035',
    ]);
  });

  it('checks the country code and the website, suggesting the likely fix', () => {
    expect(problems({ country: 'UK' })).toEqual([
      'content/taxonomy.yaml:11: companies[0].country: expected an ISO 3166 two-letter country code such as "US" or "TW", received "UK"; did you mean "GB"?',
    ]);
    expect(problems({ country: 'tw' })).toEqual([
      'content/taxonomy.yaml:11: companies[0].country: expected an ISO 3166 two-letter country code such as "US" or "TW", received "tw"; did you mean "TW"?',
    ]);
    expect(problems({ website: 'tsmc.com' })).toEqual([
      'content/taxonomy.yaml:12: companies[0].website: expected an absolute https URL such as "https://www.tsmc.com/", received "tsmc.com"; did you mean "https://tsmc.com"?',
    ]);
    expect(problems({ website: 'http://www.tsmc.com/' })).toEqual([
      'content/taxonomy.yaml:12: companies[0].website: expected an absolute https URL such as "https://www.tsmc.com/", received "http://www.tsmc.com/"; did you mean "https://www.tsmc.com/"?',
    ]);
  });

  it('refuses an unknown field rather than dropping it', () => {
    expect(problems({ webiste: '"https://www.tsmc.com/"' })).toEqual([
      'content/taxonomy.yaml:16: companies[0].webiste: unknown field "webiste"; did you mean "website"? Allowed fields: id, name, description, segment, ticker, exchange, country, website, aliases, topics, weight, guards, offBeat',
    ]);
  });

  it('keeps checking essays against the ids of a taxonomy with a bad profile', () => {
    const check = checkTaxonomy({ file: 'content/taxonomy.yaml', text: taxonomyWith({ country: 'XX' }) });
    expect(check.taxonomy).toBeUndefined();
    expect(check.ids).toEqual({ topics: ['chips'], companies: ['tsmc'] });
  });
});

describe('the sample taxonomy', () => {
  const taxonomy = TaxonomySchema.parse(parseYaml(readFileSync(join(root, 'content/taxonomy.yaml'), 'utf8')));

  it('gives every company a real, distinct profile', () => {
    const descriptions = new Set<string>();
    for (const company of taxonomy.companies) {
      expect(CompanySchema.safeParse(company).success, company.id).toBe(true);
      expect(descriptions.has(company.description), company.id).toBe(false);
      descriptions.add(company.description);
      expect(countryName(company.country), company.id).toBeTruthy();
      expect(new URL(company.website).protocol, company.id).toBe('https:');
      // A folded YAML line must not end in a hyphen: the fold would print "rack- scale".
      expect(company.description, company.id).not.toMatch(/\w- \w/);
    }
  });

  it('prints a listing, a country and a short website for the page', () => {
    const tsmc = taxonomy.companies.find((c) => c.id === 'tsmc')!;
    expect(profileFacts(tsmc)).toEqual({
      listing: 'NYSE: TSM',
      exchange: 'New York Stock Exchange',
      country: 'Taiwan',
      website: { url: 'https://www.tsmc.com/', host: 'tsmc.com' },
    });
    expect(shortName(tsmc)).toBe('TSMC');
    expect(wireNames(taxonomy.companies.find((c) => c.id === 'nvidia')!)).toEqual(['Nvidia']);
    expect(profileFacts(taxonomy.companies.find((c) => c.id === 'cerebras')!).listing).toBeUndefined();
    expect(firstSentence(tsmc.description)).toMatch(/^The world's largest contract chipmaker, .*Germany\.$/);
  });
});

describe('taxonomy phrases', () => {
  it('names a phrase with an unpaired quote by file, line and field, with the fix', () => {
    const text = taxonomyWith({}).replace('keywords: [wafer]', `keywords: [wafer, 'solar "powered']`);
    const found = checkTaxonomy({ file: 'content/taxonomy.yaml', text }).problems.join('\n');
    expect(found).toMatch(/content\/taxonomy\.yaml:2/);
    expect(found).toMatch(/keywords/);
    expect(found).toMatch(/unpaired double quote: quote a word to match only that form, as in solar "powered"/);
  });
});
