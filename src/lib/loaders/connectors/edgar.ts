// SEC EDGAR's XBRL company facts (https://www.sec.gov/search-filings/edgar-application-programming-interfaces):
// GET https://data.sec.gov/api/xbrl/companyfacts/CIK##########.json gives every fact a company has
// filed, { cik, entityName, facts: { "us-gaap": { <Concept>: { units: { USD: [{ start, end, val,
// accn, fy, fp, form, filed, frame }] } } } } }. EDGAR asks for a User-Agent naming who is asking,
// with an email, and at most 10 requests a second (https://www.sec.gov/os/accessing-edgar-data).
// One row per company, concept and calendar quarter; the quarter logic is in ./edgar-quarters.ts.
import { SourceFormatError, type SourceRow } from '../table.ts';
import type { Connector } from './context.ts';
import { quarterlyFigures, type Fact } from './edgar-quarters.ts';

export const EDGAR_BASE = 'https://data.sec.gov';
export const EDGAR_DOCS = 'https://www.sec.gov/search-filings/edgar-application-programming-interfaces';
/** 10 requests a second at most: one every 100 ms, and a little over. */
export const EDGAR_INTERVAL_MS = 110;
export const EDGAR_COLUMNS = [
  'company',
  'cik',
  'concept',
  'quarter',
  'fiscal_year',
  'fiscal_quarter',
  'start',
  'end',
  'value',
  'derived',
  'form',
  'accession',
  'filed',
  'tag',
];

export const companyFactsUrl = (cik: number, base = EDGAR_BASE) => `${base.replace(/\/+$/, '')}/api/xbrl/companyfacts/CIK${String(cik).padStart(10, '0')}.json`;

interface CompanyFacts {
  entityName?: string;
  facts?: Record<string, Record<string, { units?: Record<string, Array<Partial<Fact> & { val?: unknown }>> }>>;
}

export const edgarConnector: Connector = async (loader, { http, env }) => {
  const userAgent = env.secUserAgent?.trim();
  if (!userAgent || !/\S+@\S+\.\S+/.test(userAgent)) {
    throw new SourceFormatError(
      'EDGAR requires a User-Agent naming you and an email address: set SEC_USER_AGENT="Your Name you@example.com" (https://www.sec.gov/os/accessing-edgar-data)',
    );
  }
  const unit = loader.unit ?? 'USD';
  const rows: SourceRow[] = [];
  const warnings: string[] = [];
  const found = new Set<string>();
  for (const company of loader.companies!) {
    const url = companyFactsUrl(company.cik, loader.base);
    const response = await http(url, { userAgent, minIntervalMs: EDGAR_INTERVAL_MS });
    let document: CompanyFacts;
    try {
      document = JSON.parse(response.text()) as CompanyFacts;
    } catch (cause) {
      throw new SourceFormatError(`not valid JSON: ${(cause as Error).message}`, { url });
    }
    const gaap = document.facts?.['us-gaap'];
    if (!gaap)
      throw new SourceFormatError(`not an XBRL company-facts document: no facts["us-gaap"] (keys: ${Object.keys(document).join(', ') || 'none'})`, { url });
    for (const [concept, tags] of Object.entries({ ...loader.concepts, ...company.concepts })) {
      const facts: Fact[] = [];
      tags.forEach((tag, priority) => {
        for (const f of gaap[tag]?.units?.[unit] ?? []) {
          if (typeof f.val !== 'number' || !f.start || !f.end || !f.form || !f.filed) continue;
          facts.push({ start: f.start, end: f.end, val: f.val, accn: f.accn ?? '', form: f.form, filed: f.filed, concept: tag, priority });
        }
      });
      if (!facts.length) {
        const alike = Object.keys(gaap)
          .filter((k) => tags.some((t) => k.slice(0, 16) === t.slice(0, 16)))
          .slice(0, 5);
        warnings.push(`${company.name} (CIK ${company.cik}): no ${tags.join(' or ')} facts in ${unit}${alike.length ? `; it tags ${alike.join(', ')}` : ''}`);
        continue;
      }
      found.add(concept);
      const report = quarterlyFigures(facts);
      for (const r of report.restated)
        warnings.push(`${company.name} ${concept} ${r.start} to ${r.end}: restated from ${r.from} to ${r.to} (filed ${r.filed}); the restated figure is kept`);
      if (report.missing.length)
        warnings.push(`${company.name} ${concept}: no figure for ${report.missing.join(', ')} (no 10-Q fact, and no year to date to derive it from)`);
      for (const q of report.quarters) {
        if (loader.since && Number(q.calendar.slice(0, 4)) < loader.since) continue;
        rows.push({
          company: company.name,
          cik: company.cik,
          concept,
          quarter: q.calendar,
          fiscal_year: q.fiscalYear ?? null,
          fiscal_quarter: q.fiscalQuarter ? `Q${q.fiscalQuarter}` : null,
          start: q.start,
          end: q.end,
          value: q.value,
          derived: q.derived,
          form: q.form,
          accession: q.accn,
          filed: q.filed,
          tag: q.tag,
        });
      }
    }
  }
  for (const concept of Object.keys(loader.concepts!)) {
    if (!found.has(concept))
      throw new SourceFormatError(`no company has the concept "${concept}" (${loader.concepts![concept]!.join(' or ')}) in ${unit}: ${warnings.join('; ')}`);
  }
  // One company's facts are one URL; several are cited by the API's documentation, and each row carries its filing.
  const url = loader.companies!.length === 1 ? companyFactsUrl(loader.companies![0]!.cik, loader.base) : EDGAR_DOCS;
  return { columns: EDGAR_COLUMNS, rows, url, warnings };
};
