// The EDGAR connector on a loopback copy of data.sec.gov: company facts in EDGAR's format, the
// User-Agent EDGAR requires, requests spaced to its 10 a second, a 429 with Retry-After, a concept
// the facts lack, a restatement between two runs, and missing quarters reported.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { csvOf, fixture, harness, meta } from './harness.ts';
import { startLoopback, type Loopback } from './loopback.ts';

let host: Loopback;
beforeAll(async () => (host = await startLoopback()));
afterAll(() => host.close());

const MSFT = fixture('edgar/CIK0000789019.json');
const META = fixture('edgar/CIK0001326801.json');
const facts = (cik: string) => `/api/xbrl/companyfacts/CIK${cik}.json`;
const UA = 'Substation research desk@substation.example';

const edgar = (concepts: string, extra: string[] = []) =>
  meta({ quarter: 'date', company: 'string', capex_bn: 'number', derived: 'string' }, [
    'connector: edgar',
    `base: ${host.url}`,
    'companies: [{ cik: 789019, name: Microsoft }, { cik: 1326801, name: Meta }]',
    `concepts: { capex: ${concepts} }`,
    ...extra,
    'columns: { quarter: quarter, company: company, capex_bn: { from: value, scale: 1.0e-9, digits: 1 }, derived: derived, fiscal: fiscal_quarter, form: form }',
    'key: [quarter, company]',
    'sort: [quarter, company]',
  ]);

function serve(msft = MSFT, meta = META) {
  host.routes.set(facts('0000789019'), { body: msft, type: 'application/json' });
  host.routes.set(facts('0001326801'), { body: meta, type: 'application/json' });
}

test('quarters per company: reported, derived by subtraction (Q4 from the 10-K), marked, with missing quarters named', async () => {
  serve();
  const outcome = await harness().run(edgar('[PaymentsToAcquirePropertyPlantAndEquipment]'), undefined, { secUserAgent: UA });
  expect(csvOf(outcome)).toBe(
    [
      'quarter,company,capex_bn,derived,fiscal,form',
      '2022 Q3,Microsoft,6,false,Q1,10-Q',
      '2022 Q4,Microsoft,6.7,true,Q2,10-Q',
      '2023 Q1,Meta,7,false,Q1,10-Q',
      '2023 Q1,Microsoft,6.8,true,Q3,10-Q',
      '2023 Q2,Microsoft,8.5,true,Q4,10-K',
      '2023 Q3,Microsoft,9,false,Q1,10-Q',
      '2023 Q4,Meta,8,true,Q4,10-K',
      '2023 Q4,Microsoft,10,true,Q2,10-Q',
      '2024 Q1,Microsoft,11,true,Q3,10-Q',
      '2024 Q2,Microsoft,12,true,Q4,10-K',
      '2024 Q3,Microsoft,13,false,Q1,10-Q',
      '',
    ].join('\n'),
  );
  expect(outcome.warnings).toEqual([
    'Microsoft capex 2022-07-01 to 2022-12-31: restated from 12500000000 to 12700000000 (filed 2024-01-30); the restated figure is kept',
    'Meta capex: no figure for 2023 Q2, 2023 Q3 (no 10-Q fact, and no year to date to derive it from)',
  ]);
});

test('EDGAR gets the User-Agent it requires, and requests at most 10 a second', async () => {
  serve();
  host.hits.length = 0;
  // A clock that only moves when the pacer waits: each wait is what keeps requests 110 ms apart.
  let clock = 1_000;
  const waits: number[] = [];
  const pace = { now: () => clock, sleep: async (ms: number) => void (waits.push(ms), (clock += ms)) };
  await harness({ pace }).run(edgar('[PaymentsToAcquirePropertyPlantAndEquipment]'), undefined, { secUserAgent: UA });
  expect(host.hits.map((h) => [h.path, h.headers['user-agent']])).toEqual([
    [facts('0000789019'), UA],
    [facts('0001326801'), UA],
  ]);
  expect(waits).toEqual([110]);
});

test('no run without a User-Agent that names someone with an email', async () => {
  serve();
  const outcome = await harness().run(edgar('[PaymentsToAcquirePropertyPlantAndEquipment]'), undefined, { secUserAgent: 'Substation' });
  expect(outcome).toMatchObject({
    status: 'failed',
    reason: expect.stringMatching(/^EDGAR requires a User-Agent naming you and an email address: set SEC_USER_AGENT=/),
  });
});

test('a 429 with Retry-After is waited out once', async () => {
  serve();
  host.routes.set(facts('0001326801'), { body: META, type: 'application/json', throttle: { times: 1, retryAfter: '1' } });
  const h = harness();
  expect((await h.run(edgar('[PaymentsToAcquirePropertyPlantAndEquipment]'), undefined, { secUserAgent: UA })).status).toBe('updated');
  expect(h.sleeps).toEqual([1000]);
});

test('a concept no company has fails, naming the concept; one company without it is a warning', async () => {
  serve();
  const none = await harness().run(edgar('[PaymentsToAcquireProductiveAssets]'), undefined, { secUserAgent: UA });
  expect(none).toMatchObject({
    status: 'failed',
    reason: expect.stringMatching(
      /^no company has the concept "capex" \(PaymentsToAcquireProductiveAssets\) in USD: Microsoft \(CIK 789019\): no PaymentsToAcquireProductiveAssets facts in USD; it tags PaymentsToAcquirePropertyPlantAndEquipment/,
    ),
  });
  serve(MSFT, META.replaceAll('PaymentsToAcquirePropertyPlantAndEquipment', 'PaymentsForCapitalImprovements'));
  const one = await harness().run(edgar('[PaymentsToAcquirePropertyPlantAndEquipment]'), undefined, { secUserAgent: UA });
  expect(one.status).toBe('updated');
  expect(one.warnings).toContain('Meta (CIK 1326801): no PaymentsToAcquirePropertyPlantAndEquipment facts in USD');
  serve(MSFT, JSON.stringify({ cik: 1326801, entityName: 'X', facts: {} }));
  expect(await harness().run(edgar('[PaymentsToAcquirePropertyPlantAndEquipment]'), undefined, { secUserAgent: UA })).toMatchObject({
    status: 'failed',
    url: `${host.url}${facts('0001326801')}`,
    reason: 'not an XBRL company-facts document: no facts["us-gaap"] (keys: cik, entityName, facts)',
  });
});

test('a figure restated in a later filing is a revised value on the next run', async () => {
  serve();
  const h = harness();
  const first = await h.run(edgar('[PaymentsToAcquirePropertyPlantAndEquipment]', ['since: 2023']), undefined, { secUserAgent: UA });
  const doc = JSON.parse(META);
  // Meta's next 10-K restates the year, so its derived Q4 moves.
  doc.facts['us-gaap'].PaymentsToAcquirePropertyPlantAndEquipment.units.USD.push({
    start: '2023-01-01',
    end: '2023-12-31',
    val: 28_400_000_000,
    accn: '0001326801-25-000007',
    fy: 2024,
    fp: 'FY',
    form: '10-K',
    filed: '2025-01-30',
  });
  serve(MSFT, JSON.stringify(doc));
  const second = await h.run(first.status === 'updated' ? first.meta! : '', csvOf(first), { secUserAgent: UA });
  expect(second).toMatchObject({ status: 'updated', summary: '1 value revised' });
  expect(second.status === 'updated' && second.diff.revisions).toEqual([{ key: 'quarter=2023 Q4, company=Meta', column: 'capex_bn', from: '8', to: '8.4' }]);
});
