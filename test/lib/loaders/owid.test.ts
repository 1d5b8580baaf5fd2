// The OWID connector on a loopback copy of a grapher chart download: happy path, a 429 with
// Retry-After, an indicator the file no longer has, an entity it never had, and a revision.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { csvOf, fixture, harness, meta } from './harness.ts';
import { startLoopback, type Loopback } from './loopback.ts';

let host: Loopback;
beforeAll(async () => (host = await startLoopback()));
afterAll(() => host.close());

const GRAPHER = fixture('owid/share-elec-by-source.csv');
const owid = (path: string, extra: string[] = []) =>
  meta({ year: 'integer', entity: 'string', source: 'string', share: 'percent' }, [
    'connector: owid',
    `url: ${host.url}${path}`,
    'entities: [United States, World]',
    ...extra,
    'melt: { name: source, value: share, columns: { Coal: coal_share_of_electricity, Gas: gas_share_of_electricity } }',
    'columns: { year: Year, entity: Entity, source: source, share: share }',
    'key: [year, entity, source]',
  ]);

test('a grapher CSV: the entities asked for, melted to one row per source', async () => {
  host.routes.set('/grapher/share-elec-by-source.csv', { body: GRAPHER });
  const outcome = await harness().run(owid('/grapher/share-elec-by-source.csv', ['where: { Year: ">= 2022" }']));
  expect(csvOf(outcome)).toBe(
    'year,entity,source,share\n2022,United States,Coal,19.7\n2022,United States,Gas,39.8\n2023,United States,Coal,16.2\n2023,United States,Gas,42.7\n' +
      '2022,World,Coal,35.5\n2022,World,Gas,22.5\n2023,World,Coal,35.4\n2023,World,Gas,22.5\n',
  );
  expect(outcome).toMatchObject({ status: 'updated', summary: '8 rows (a new file)', url: `${host.url}/grapher/share-elec-by-source.csv` });
});

test('a 429 with Retry-After is waited out once, then the file is read', async () => {
  host.routes.set('/grapher/busy.csv', { body: GRAPHER, throttle: { times: 1, retryAfter: '2' } });
  const h = harness();
  const outcome = await h.run(owid('/grapher/busy.csv'));
  expect(outcome.status).toBe('updated');
  expect(h.sleeps).toEqual([2000]);
  expect(host.hitsOf('/grapher/busy.csv').map((hit) => hit.status)).toEqual([429, 200]);
});

test('an indicator the file no longer has is named, with the columns it has', async () => {
  host.routes.set('/grapher/renamed.csv', { body: GRAPHER.replace('gas_share_of_electricity', 'gas_share_elec') });
  const outcome = await harness().run(owid('/grapher/renamed.csv'));
  expect(outcome).toMatchObject({
    status: 'failed',
    url: `${host.url}/grapher/renamed.csv`,
    reason:
      'no column "gas_share_of_electricity" in the source (asked for by loader.melt.columns); did you mean "gas_share_elec"? Columns: Entity, Code, Year, coal_share_of_electricity, gas_share_elec, nuclear_share_of_electricity',
  });
});

test('an entity the file does not have, and a file that is not a grapher CSV', async () => {
  host.routes.set('/grapher/share.csv', { body: GRAPHER });
  const typo = owid('/grapher/share.csv').replace('United States', 'United Stats');
  expect(await harness().run(typo)).toMatchObject({
    status: 'failed',
    reason: 'no rows for the entity "United Stats" (loader.entities); did you mean "United States"? The file has 3 entities',
  });
  host.routes.set('/grapher/other.csv', { body: 'Region,Period,value\nX,2020,1\n' });
  expect(await harness().run(owid('/grapher/other.csv'))).toMatchObject({
    status: 'failed',
    reason: 'not an OWID grapher CSV: expected the columns Entity (or Country) and Year (or Day), found Region, Period, value',
  });
});

test('a revision is reported as values revised, and the same file again changes nothing', async () => {
  host.routes.set('/grapher/rev.csv', { body: GRAPHER });
  const h = harness();
  const first = await h.run(owid('/grapher/rev.csv'));
  const firstCsv = csvOf(first);
  const metaAfter = first.status === 'updated' ? first.meta! : '';
  host.routes.set('/grapher/rev.csv', { body: GRAPHER.replace('2023,16.2,42.7', '2023,16.4,42.6') });
  const revised = await h.run(metaAfter, firstCsv);
  expect(revised).toMatchObject({ status: 'updated', summary: '2 values revised' });
  expect(revised.status === 'updated' && revised.diff.revisions).toEqual([
    { key: 'year=2023, entity=United States, source=Coal', column: 'share', from: '16.2', to: '16.4' },
    { key: 'year=2023, entity=United States, source=Gas', column: 'share', from: '42.7', to: '42.6' },
  ]);
  const again = await h.run(revised.status === 'updated' ? revised.meta! : '', csvOf(revised));
  expect(again).toMatchObject({ status: 'unchanged', rows: 12 });
});
