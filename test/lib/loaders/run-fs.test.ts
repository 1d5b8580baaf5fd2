// npm run data's library on a real folder: an unchanged source writes nothing (a conditional GET
// answered 304, not a byte or an mtime changed), a failed loader keeps the committed CSV and meta,
// figures that do not fit the meta are refused before any write, a hand edit is reported, a
// module loader runs, a dry run writes nothing, and an unknown dataset gets a did-you-mean.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { runData } from '../../../src/lib/loaders/run-fs.ts';
import { meta } from './harness.ts';
import { startLoopback, type Loopback } from './loopback.ts';

let host: Loopback;
let root: string;
beforeAll(async () => (host = await startLoopback()));
afterAll(() => host.close());
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'substation-data-'));
  mkdirSync(path.join(root, 'content/data'), { recursive: true });
  return () => rmSync(root, { recursive: true, force: true });
});

const SOURCE = 'Year,Value\n2020,1.5\n2021,2.25\n';
const loaderMeta = (url: string) => meta({ year: 'integer', value: 'number' }, ['connector: csv', `url: ${url}`, 'columns: { year: Year, value: Value }']);
const write = (name: string, text: string) => writeFileSync(path.join(root, 'content/data', name), text);
const run = (names?: string[], extra = {}) => runData({ root, names, now: () => new Date('2027-03-04T10:00:00Z'), cacheDir: '.cache/data', ...extra });

/** Every file of content/data with its bytes and mtime. */
const snapshot = () =>
  Object.fromEntries(
    readdirSync(path.join(root, 'content/data'))
      .sort()
      .map((n) => {
        const file = path.join(root, 'content/data', n);
        return [n, { text: readFileSync(file, 'utf8'), mtime: statSync(file, { bigint: true }).mtimeNs }];
      }),
  );

test('first run writes CSV and meta; a second, answered 304, writes nothing at all', async () => {
  host.routes.set('/a.csv', { body: SOURCE });
  write('a.meta.yaml', loaderMeta(`${host.url}/a.csv`));
  const [first] = await run();
  expect(first).toMatchObject({ status: 'updated', summary: '2 rows (a new file)' });
  expect(readFileSync(path.join(root, 'content/data/a.csv'), 'utf8')).toBe('year,value\n2020,1.5\n2021,2.25\n');
  const metaText = readFileSync(path.join(root, 'content/data/a.meta.yaml'), 'utf8');
  expect(metaText).toContain('retrieved: 2027-03-04\nhash: sha256:');
  expect(metaText).toContain(`source: { name: Test source, url: ${host.url}/a.csv }`); // the loader's URL, in the editor's flow mapping

  const before = snapshot();
  const hits = host.hitsOf('/a.csv').length;
  const [second] = await run();
  expect(second).toMatchObject({ status: 'unchanged', rows: 2 });
  expect(
    host
      .hitsOf('/a.csv')
      .slice(hits)
      .map((h) => [h.status, Boolean(h.headers['if-none-match'])]),
  ).toEqual([[304, true]]);
  expect(snapshot()).toEqual(before);
});

test('a failed loader leaves the CSV and meta exactly as they were and says which, where and why', async () => {
  host.routes.set('/down.csv', { body: 'boom', status: 500 });
  write('b.meta.yaml', loaderMeta(`${host.url}/down.csv`));
  write('b.csv', 'year,value\n2019,1\n');
  const before = snapshot();
  const [outcome] = await run();
  expect(outcome).toEqual({ name: 'b', status: 'failed', url: `${host.url}/down.csv`, reason: '500 Internal Server Error', warnings: [] });
  expect(snapshot()).toEqual(before);
});

test('figures that do not fit the meta are refused before anything is written', async () => {
  host.routes.set('/text.csv', { body: 'Year,Value\n2020,about one\n' });
  write('c.meta.yaml', loaderMeta(`${host.url}/text.csv`));
  write('c.csv', 'year,value\n2019,1\n');
  const before = snapshot();
  const [outcome] = await run();
  expect(outcome).toMatchObject({
    status: 'failed',
    reason: 'the new figures do not fit the meta: content/data/c.csv: row 2, column "value": expected number, found "about one"',
  });
  expect(snapshot()).toEqual(before);
});

test('a CSV edited by hand since the last run is reported and replaced', async () => {
  host.routes.set('/a.csv', { body: SOURCE });
  write('d.meta.yaml', loaderMeta(`${host.url}/a.csv`));
  await run();
  write('d.csv', 'year,value\n2020,9\n2021,2.25\n');
  const [outcome] = await run();
  expect(outcome).toMatchObject({
    status: 'updated',
    summary: '1 value revised',
    warnings: ["content/data/d.csv was edited since the loader last wrote it (its hash is not the meta's): the loader's figures replace the edit"],
  });
});

test('a module loader beside the dataset, given the same HTTP client', async () => {
  host.routes.set('/m.json', {
    body: JSON.stringify({
      data: [
        [2020, 3],
        [2021, 4],
      ],
    }),
    type: 'application/json',
  });
  write('m.loader.ts', 'export default async ({ http, url }) => JSON.parse((await http(url)).text()).data.map(([year, value]) => ({ year, value }));\n');
  write(
    'm.meta.yaml',
    meta({ year: 'integer', value: 'number' }, [
      'connector: module',
      'module: m.loader.ts',
      `url: ${host.url}/m.json`,
      'columns: { year: year, value: value }',
    ]),
  );
  const [outcome] = await run();
  expect(outcome).toMatchObject({ status: 'updated', url: `${host.url}/m.json` });
  expect(readFileSync(path.join(root, 'content/data/m.csv'), 'utf8')).toBe('year,value\n2020,3\n2021,4\n');
});

test('a dry run reports and writes nothing; a dataset without a loader is left alone', async () => {
  host.routes.set('/a.csv', { body: SOURCE });
  write('e.meta.yaml', loaderMeta(`${host.url}/a.csv`));
  write('plain.csv', 'year\n2020\n');
  write('plain.meta.yaml', 'title: P\ndescription: P.\nlicense: L\nretrieved: 2026-01-01\nillustrative: true\ncolumns: {}\n');
  const before = snapshot();
  const outcomes = await run(undefined, { dryRun: true });
  expect(outcomes.map((o) => [o.name, o.status])).toEqual([
    ['e', 'updated'],
    ['plain', 'no-loader'],
  ]);
  expect(snapshot()).toEqual(before);
});

test('an unknown dataset is refused with a did-you-mean', async () => {
  write('us-electricity-prices.meta.yaml', loaderMeta(`${host.url}/a.csv`));
  await expect(run(['us-electricity-price'])).rejects.toThrow(
    'unknown dataset "us-electricity-price": no file content/data/us-electricity-price.csv; did you mean "us-electricity-prices"? Datasets: us-electricity-prices',
  );
});
