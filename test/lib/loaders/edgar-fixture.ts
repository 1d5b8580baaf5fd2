// Company-facts documents in EDGAR's format built from quarterly figures, as real filings report a
// cash-flow line: the 10-Q for Q1 gives three months, Q2 six and Q3 nine months to date, the 10-K
// the year, each with the year before as a comparative. The figures are whatever a test passes.

export interface FixtureCompany {
  cik: number;
  name: string;
  tag: string;
  /** First month of the fiscal year, 1 for January, 7 for July. */
  fiscalStart: number;
  /** First fiscal year, and its quarterly figures in USD, four a year (the last year may be short). */
  firstYear: number;
  quarters: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10); // m is 1-based: the last day of month m
/** The first day of the fiscal year `fy` (named by the calendar year it ends in). */
const fyStart = (fy: number, startMonth: number) => (startMonth === 1 ? `${fy}-01-01` : `${fy - 1}-${pad(startMonth)}-01`);
function quarterEnd(fy: number, startMonth: number, q: number): string {
  const first = startMonth === 1 ? fy : fy - 1;
  const month = startMonth - 1 + q * 3;
  return monthEnd(first + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1);
}

export function companyFacts(c: FixtureCompany): string {
  const facts: object[] = [];
  const years = Math.ceil(c.quarters.length / 4);
  const sum = (fy: number, n: number) => c.quarters.slice((fy - c.firstYear) * 4, (fy - c.firstYear) * 4 + n).reduce((a, b) => a + b, 0);
  for (let y = 0; y < years; y++) {
    const fy = c.firstYear + y;
    for (let q = 1; q <= 4; q++) {
      if ((fy - c.firstYear) * 4 + q > c.quarters.length) break;
      const end = quarterEnd(fy, c.fiscalStart, q);
      const filed = new Date(Date.parse(end) + 30 * 86_400_000).toISOString().slice(0, 10);
      const form = q === 4 ? '10-K' : '10-Q';
      const accn = `${String(c.cik).padStart(10, '0')}-${String(fy).slice(2)}-${pad(q)}0001`;
      const fp = q === 4 ? 'FY' : `Q${q}`;
      facts.push({
        start: fyStart(fy, c.fiscalStart),
        end,
        val: sum(fy, q),
        accn,
        fy,
        fp,
        form,
        filed,
        ...(q === 1 ? { frame: `CY${end.slice(0, 4)}Q${Math.ceil(Number(end.slice(5, 7)) / 3)}` } : {}),
      });
      if (fy > c.firstYear)
        facts.push({ start: fyStart(fy - 1, c.fiscalStart), end: quarterEnd(fy - 1, c.fiscalStart, q), val: sum(fy - 1, q), accn, fy, fp, form, filed });
    }
  }
  return JSON.stringify({
    cik: c.cik,
    entityName: `${c.name.toUpperCase()} (FIXTURE)`,
    facts: { dei: {}, 'us-gaap': { [c.tag]: { label: 'Payments for property and equipment', description: 'Fixture.', units: { USD: facts } } } },
  });
}
