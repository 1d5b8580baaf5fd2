// The generic connectors on loopback: a CSV with a row of units and text markers (the shape of EIA's
// Monthly Energy Review tables), a JSON API answer with its records under a path, and for both a
// 429 with Retry-After, a column that went missing, and a revision; a module loader beside the data.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { csvOf, harness, meta } from './harness.ts';
import { startLoopback, type Loopback } from './loopback.ts';

let host: Loopback;
beforeAll(async () => (host = await startLoopback()));
afterAll(() => host.close());

const TABLE = [
  '\uFEFFMonth,"Price, Residential","Price, Industrial"',
  ',"(Cents per Kilowatthour,  Including Taxes)","(Cents per Kilowatthour,  Including Taxes)"',
  '2000 December,8.24,Not Available',
  '2001 January,7.73,4.75',
  '2001 February,8.04,4.87',
  '',
].join('\r\n');
const csv = (path: string, extra: string[] = []) =>
  meta({ month: 'date', sector: 'string', cents: 'number' }, [
    'connector: csv',
    `url: ${host.url}${path}`,
    'skipRows: 1',
    'missing: [Not Available]',
    ...extra,
    'melt: { name: sector, value: cents, columns: { Residential: "Price, Residential", Industrial: "Price, Industrial" } }',
    'columns: { month: { from: Month, date: month }, sector: sector, cents: cents }',
    'required: [cents]',
    'key: [month, sector]',
  ]);

test('a CSV: BOM, CRLF, a row of units skipped, markers read as empty, dates normalised, wide to long', async () => {
  host.routes.set('/table.csv', { body: TABLE });
  expect(csvOf(await harness().run(csv('/table.csv')))).toBe(
    'month,sector,cents\n2000-12,Residential,8.24\n2001-01,Residential,7.73\n2001-01,Industrial,4.75\n2001-02,Residential,8.04\n2001-02,Industrial,4.87\n',
  );
  const since = csvOf(await harness().run(csv('/table.csv', ['where: { Month: ">= 2001-02" }'])));
  expect(since).toBe('month,sector,cents\n2001-02,Residential,8.04\n2001-02,Industrial,4.87\n');
});

test('CSV: a 429 with Retry-After, a column renamed at the source, a revision', async () => {
  host.routes.set('/busy.csv', { body: TABLE, throttle: { times: 1, retryAfter: '1' } });
  const h = harness();
  const first = await h.run(csv('/busy.csv'));
  expect(h.sleeps).toEqual([1000]);
  host.routes.set('/busy.csv', { body: TABLE.replace('"Price, Industrial"', '"Price, Industry"') });
  expect(await h.run(csv('/busy.csv'))).toMatchObject({
    status: 'failed',
    reason:
      'no column "Price, Industrial" in the source (asked for by loader.melt.columns); did you mean "Price, Industry"? Columns: Month, "Price, Residential", "Price, Industry"',
  });
  host.routes.set('/busy.csv', { body: TABLE.replace('2001 February,8.04,4.87', '2001 February,8.04,4.91\r\n2001 March,7.98,4.80') });
  const next = await h.run(first.status === 'updated' ? first.meta! : '', csvOf(first));
  expect(next).toMatchObject({ status: 'updated', summary: '2 rows added, 1 value revised' });
});

const API = {
  meta: { page: 1 },
  result: {
    items: [
      { id: 'a', watts: 700, when: '2024-03-01T00:00:00Z', extra: { x: 1 } },
      { id: 'b', watts: 1000, when: '2024-11-15T00:00:00Z', extra: null },
    ],
  },
};
const json = (path: string) =>
  meta({ chip: 'string', kw: 'number', released: 'date' }, [
    'connector: json',
    `url: ${host.url}${path}`,
    'path: result.items',
    'columns: { chip: id, kw: { from: watts, scale: 0.001 }, released: { from: when, date: day } }',
  ]);

test('JSON: records under a path, a 429, a missing key path, a field gone, a revision', async () => {
  host.routes.set('/api.json', { body: JSON.stringify(API), type: 'application/json', throttle: { times: 1, retryAfter: '2' } });
  const h = harness();
  const first = await h.run(json('/api.json'));
  expect(csvOf(first)).toBe('chip,kw,released\na,0.7,2024-03-01\nb,1,2024-11-15\n');
  expect(h.sleeps).toEqual([2000]);
  host.routes.set('/api.json', { body: JSON.stringify({ result: { rows: [] } }), type: 'application/json' });
  expect(await h.run(json('/api.json'))).toMatchObject({
    status: 'failed',
    reason: 'no "items" at result of the document (loader.path: result.items); found: rows',
  });
  host.routes.set('/api.json', { body: JSON.stringify({ result: { items: [{ id: 'a', power: 700, when: '2024-03-01' }] } }), type: 'application/json' });
  expect(await h.run(json('/api.json'))).toMatchObject({
    status: 'failed',
    reason: 'no column "watts" in the source (asked for by loader.columns.kw). Columns: id, power, when',
  });
  const revised = structuredClone(API);
  revised.result.items[1]!.watts = 1200;
  host.routes.set('/api.json', { body: JSON.stringify(revised), type: 'application/json' });
  expect(await h.run(first.status === 'updated' ? first.meta! : '', csvOf(first))).toMatchObject({ status: 'updated', summary: '1 value revised' });
});

test('a failed fetch names the URL and the status, and gives no new text', async () => {
  host.routes.set('/gone.csv', { body: 'gone', status: 410 });
  const outcome = await harness().run(csv('/gone.csv'), 'month,sector,cents\n');
  expect(outcome).toEqual({ name: 'x', status: 'failed', url: `${host.url}/gone.csv`, reason: '410 Gone', warnings: [] });
});
