// The EIA API v2 connector on a loopback copy of the API: the request as the API documents it,
// paging until `total` rows, a 429 with Retry-After, a data field the answer lacks, an error
// answer, a missing key, and a revision. The API key never reaches a message or the meta.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { csvOf, fixture, harness, meta } from './harness.ts';
import { startLoopback, type Loopback } from './loopback.ts';

let host: Loopback;
beforeAll(async () => (host = await startLoopback()));
afterAll(() => host.close());

const DOC = JSON.parse(fixture('eia/retail-sales.json'));
/** The API, paging 5 rows at a time whatever length is asked (the connector must follow `total`). */
const paged = (doc: typeof DOC) => (query: URLSearchParams) => {
  const offset = Number(query.get('offset') ?? 0);
  return JSON.stringify({ ...doc, response: { ...doc.response, data: doc.response.data.slice(offset, offset + 5) } });
};
const KEY = 'k3y-secret';
const eia = (route: string, data = 'price') =>
  meta({ month: 'date', sector: 'string', cents_per_kwh: 'number' }, [
    'connector: eia',
    `base: ${host.url}/v2`,
    `route: ${route}`,
    'frequency: monthly',
    `data: [${data}]`,
    'facets: { stateid: [US], sectorid: [RES, COM, IND] }',
    'start: 2024-01',
    'end: 2024-04',
    `columns: { month: { from: period, date: month }, sector: sectorName, cents_per_kwh: { from: ${data}, digits: 2 } }`,
    'key: [month, sector]',
  ]);

test('every page is fetched, the request is the documented one, and the rows are sorted', async () => {
  host.routes.set('/v2/electricity/retail-sales/data/', { body: paged(DOC), type: 'application/json' });
  const outcome = await harness().run(eia('electricity/retail-sales'), undefined, { eiaApiKey: KEY });
  const csv = csvOf(outcome);
  expect(csv.split('\n').slice(0, 4)).toEqual([
    'month,sector,cents_per_kwh',
    '2024-01,commercial,12.89',
    '2024-01,industrial,8.1',
    '2024-01,residential,15.45',
  ]);
  expect(csv.trim().split('\n')).toHaveLength(13);
  const hits = host.hitsOf('/v2/electricity/retail-sales/data/');
  expect(hits.map((h) => h.query.get('offset'))).toEqual(['0', '5', '10']);
  expect(Object.fromEntries(hits[0]!.query)).toMatchObject({
    frequency: 'monthly',
    'data[0]': 'price',
    start: '2024-01',
    end: '2024-04',
    'sort[0][column]': 'period',
    length: '5000',
    api_key: KEY,
  });
  expect(hits[0]!.query.getAll('facets[sectorid][]')).toEqual(['RES', 'COM', 'IND']);
  expect(outcome.status === 'updated' && outcome.url).toBe(
    `${host.url}/v2/electricity/retail-sales/data/?frequency=monthly&data[0]=price&facets[sectorid][]=RES&facets[sectorid][]=COM&facets[sectorid][]=IND&facets[stateid][]=US&start=2024-01&end=2024-04&sort[0][column]=period&sort[0][direction]=asc`,
  );
  expect(JSON.stringify(outcome)).not.toContain(KEY);
});

test('a 429 with Retry-After is waited out once', async () => {
  host.routes.set('/v2/busy/data/', { body: paged(DOC), type: 'application/json', throttle: { times: 1, retryAfter: '3' } });
  const h = harness();
  expect((await h.run(eia('busy'), undefined, { eiaApiKey: KEY })).status).toBe('updated');
  expect(h.sleeps).toEqual([3000]);
});

test('a 429 asking for longer than the run will wait fails with the wait, and hides the key', async () => {
  host.routes.set('/v2/closed/data/', { body: paged(DOC), throttle: { times: 9, retryAfter: '3600' } });
  const outcome = await harness().run(eia('closed'), undefined, { eiaApiKey: KEY });
  expect(outcome).toMatchObject({ status: 'failed', reason: '429 Too Many Requests; the server asks to wait 3600 s: run again later' });
  expect(outcome.status === 'failed' && outcome.url).toMatch(/&api_key=\*\*\*$/);
  expect(JSON.stringify(outcome)).not.toContain(KEY);
});

test('a data field the answer does not carry is named, with the fields it has', async () => {
  host.routes.set('/v2/electricity/retail-sales/data/', { body: paged(DOC), type: 'application/json' });
  const outcome = await harness().run(eia('electricity/retail-sales', 'sales'), undefined, { eiaApiKey: KEY });
  expect(outcome).toMatchObject({
    status: 'failed',
    reason: 'the response has no "sales" field (it has period, stateid, stateDescription, sectorid, sectorName, price, price-units)',
  });
});

test('an error answer and a missing key', async () => {
  host.routes.set('/v2/bad/data/', { body: JSON.stringify({ error: 'Invalid facet(s) provided: sectorid', code: 400 }), type: 'application/json' });
  expect(await harness().run(eia('bad'), undefined, { eiaApiKey: KEY })).toMatchObject({
    status: 'failed',
    reason: 'the API answered: Invalid facet(s) provided: sectorid',
  });
  expect(await harness().run(eia('bad'))).toMatchObject({
    status: 'failed',
    reason: 'the EIA API needs a key: set EIA_API_KEY (free from https://www.eia.gov/opendata/register.php)',
  });
});

test('a revised month is reported, and the retrieved date moves only then', async () => {
  host.routes.set('/v2/rev/data/', { body: paged(DOC), type: 'application/json' });
  const h = harness();
  const first = await h.run(eia('rev'), undefined, { eiaApiKey: KEY });
  const revisedDoc = structuredClone(DOC);
  revisedDoc.response.data[11].price = '7.93';
  host.routes.set('/v2/rev/data/', { body: paged(revisedDoc), type: 'application/json' });
  const second = await h.run(first.status === 'updated' ? first.meta! : '', csvOf(first), { eiaApiKey: KEY });
  expect(second).toMatchObject({ status: 'updated', summary: '1 value revised' });
  expect(second.status === 'updated' && second.meta).toContain('retrieved: 2027-01-04');
});
