// The EIA's API v2 (https://www.eia.gov/opendata/documentation.php): GET <base>/<route>/data/ with
// frequency, data[0]=price, facets[stateid][]=US, start, end, sort, offset and length (at most 5,000
// rows a page in JSON), and an api_key. The answer is { response: { total, data: [{ period,
// <facets>, <data>, <data>-units }], warnings? } }, or { error, code } for a bad request. Pages are
// fetched until `total` rows have come; the key never appears in a message, the meta or the cache's names.
import { FetchError } from '../../feeds/errors.ts';
import { SourceFormatError, type SourceTable } from '../table.ts';
import type { Connector } from './context.ts';
import { readRecords } from './json.ts';

export const EIA_BASE = 'https://api.eia.gov/v2';
const PAGE = 5000;
const MAX_PAGES = 200;

/** The request URL without key or paging: what the meta cites. Brackets stay readable, values are encoded. */
export function eiaUrl(loader: {
  base?: string | undefined;
  route?: string | undefined;
  frequency?: string | undefined;
  data?: string[] | undefined;
  facets?: Record<string, string[]> | undefined;
  start?: string | undefined;
  end?: string | undefined;
}): string {
  const base = (loader.base ?? EIA_BASE).replace(/\/+$/, '');
  const route = loader.route!.replace(/^\/+|\/+$/g, '').replace(/\/data$/, '');
  const params: string[] = [];
  if (loader.frequency) params.push(`frequency=${encodeURIComponent(loader.frequency)}`);
  (loader.data ?? []).forEach((d, i) => params.push(`data[${i}]=${encodeURIComponent(d)}`));
  for (const [facet, values] of Object.entries(loader.facets ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const v of values) params.push(`facets[${encodeURIComponent(facet)}][]=${encodeURIComponent(v)}`);
  }
  if (loader.start) params.push(`start=${encodeURIComponent(loader.start)}`);
  if (loader.end) params.push(`end=${encodeURIComponent(loader.end)}`);
  params.push('sort[0][column]=period', 'sort[0][direction]=asc');
  return `${base}/${route}/data/?${params.join('&')}`;
}

interface EiaPage {
  response?: { total?: number | string; data?: unknown; warnings?: Array<{ warning?: string; description?: string }> };
  error?: string;
  code?: number;
}

export const eiaConnector: Connector = async (loader, { http, env }) => {
  const key = env.eiaApiKey;
  if (!key) throw new SourceFormatError('the EIA API needs a key: set EIA_API_KEY (free from https://www.eia.gov/opendata/register.php)');
  const url = eiaUrl(loader);
  const hide = (text: string) => text.replaceAll(encodeURIComponent(key), '***').replaceAll(key, '***');
  const records: unknown[] = [];
  const warnings: string[] = [];
  let total = Infinity;
  try {
    for (let page = 0; records.length < total; page++) {
      if (page >= MAX_PAGES) throw new SourceFormatError(`more than ${MAX_PAGES * PAGE} rows: narrow the request with facets, start or end`);
      const response = await http(`${url}&offset=${records.length}&length=${PAGE}&api_key=${encodeURIComponent(key)}`, { minIntervalMs: 100 });
      let body: EiaPage;
      try {
        body = JSON.parse(response.text()) as EiaPage;
      } catch (cause) {
        throw new SourceFormatError(`not valid JSON: ${(cause as Error).message}`);
      }
      if (body.error) throw new SourceFormatError(`the API answered: ${body.error}`);
      const data = body.response?.data;
      if (!body.response || !Array.isArray(data))
        throw new SourceFormatError(`expected { response: { data: [...] } }, found the keys ${Object.keys(body.response ?? body).join(', ') || 'none'}`);
      for (const w of body.response.warnings ?? []) warnings.push(`EIA: ${[w.warning, w.description].filter(Boolean).join(': ')}`);
      total = Number(body.response.total ?? data.length);
      if (!Number.isFinite(total)) throw new SourceFormatError(`expected response.total to be a number of rows, found ${JSON.stringify(body.response.total)}`);
      records.push(...data);
      if (data.length === 0) break;
    }
  } catch (error) {
    if (error instanceof FetchError) {
      const reason = error.message.slice(error.message.indexOf('": ') + 3);
      throw new FetchError(hide(error.url), hide(reason), {
        ...(error.status ? { status: error.status } : {}),
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
        network: error.network,
      });
    }
    if (error instanceof Error) error.message = hide(error.message);
    throw error;
  }
  const table: SourceTable = { ...readRecords(records, url), warnings };
  if (records.length === 0) throw new SourceFormatError('the API returned no rows: check the route, facets, start and end');
  for (const field of ['period', ...(loader.data ?? [])]) {
    if (!table.columns.includes(field)) throw new SourceFormatError(`the response has no "${field}" field (it has ${table.columns.join(', ')})`);
  }
  // The API's order within a period is not documented: sort by period and facets for a stable CSV.
  const facets = Object.keys(loader.facets ?? {}).filter((f) => table.columns.includes(f));
  const sortKey = (r: Record<string, unknown>) => [r.period, ...facets.map((f) => r[f])].map(String).join('\u0000');
  table.rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return table;
};
