// `npm run data` as a user runs it, on a copy of the sample publication, every loader served from
// 127.0.0.1: the three real datasets from loopback copies of the files they were derived from (in
// ../shared/datasets) come out byte for byte as committed, hyperscaler-capex's EDGAR loader turns
// made-up filings into a cited dataset, a second run changes no byte, two fresh runs agree, a failed
// loader keeps its CSV and says which, where and why, and an unknown dataset exits 2.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyFacts } from '../lib/loaders/edgar-fixture.ts';
import { startLoopback, type Loopback } from '../lib/loaders/loopback.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(repo, '../shared/datasets');
const GITHUB = 'https://raw.githubusercontent.com';
// Where each committed loader reads, and the file in ../shared/datasets that is a copy of it.
const COPIES: Record<string, string> = {
  '/owid/energy-data/cb9f1915b668be75dc7c1a04e262673aec5490cf/scripts/grapher/Electricity mix from BP & EMBER (2021).csv': 'owid_electricity_mix_2000plus.csv',
  '/tech-david/capstonePython/36cc5e8d3b00808dc0f7d2022a4bc3a1b855e428/data/Table_9.8_Average_Retail_Prices_of_Electricity.csv':
    'eia_mer_t9_8_retail_electricity_prices_monthly.csv',
  '/talmolab/lablink-paper-figures/a2616ddc0384bc7e496292293ed4e0f98d2b8bfb/data/raw/gpu_prices/ml_hardware.csv': 'epoch_ml_hardware.csv',
};
const REAL = ['ml-accelerators', 'us-electricity-generation', 'us-electricity-prices'];
const UA = 'Substation tests desk@substation.example';
// Made-up quarterly capex in USD, 2023 Q1 to 2025 Q4 (Microsoft: fiscal 2023 Q3 to fiscal 2026 Q2).
const bn = (...values: number[]) => values.map((v) => v * 1e9);
const COMPANIES = [
  {
    cik: 789019,
    name: 'Microsoft',
    tag: 'PaymentsToAcquirePropertyPlantAndEquipment',
    fiscalStart: 7,
    firstYear: 2023,
    quarters: bn(6.1, 6.3, 6.6, 7.8, 9.9, 9.7, 11.0, 14.0, 14.9, 15.8, 16.7, 17.1, 19.4, 22.6),
  },
  {
    cik: 1652044,
    name: 'Alphabet',
    tag: 'PaymentsToAcquirePropertyPlantAndEquipment',
    fiscalStart: 1,
    firstYear: 2023,
    quarters: bn(6.3, 6.9, 8.1, 11.0, 12.0, 13.2, 13.1, 14.3, 17.2, 22.4, 24.0, 27.9),
  },
  {
    cik: 1018724,
    name: 'Amazon',
    tag: 'PaymentsToAcquireProductiveAssets',
    fiscalStart: 1,
    firstYear: 2023,
    quarters: bn(14.2, 11.5, 12.5, 14.6, 14.9, 17.6, 22.6, 27.8, 25.0, 32.2, 35.1, 39.5),
  },
  {
    cik: 1326801,
    name: 'Meta',
    tag: 'PaymentsToAcquirePropertyPlantAndEquipment',
    fiscalStart: 1,
    firstYear: 2023,
    quarters: bn(7.1, 6.1, 6.8, 7.7, 6.4, 8.5, 9.2, 14.8, 13.7, 17.0, 19.4, 22.1),
  },
];

let host: Loopback;
const roots: string[] = [];
beforeAll(async () => {
  host = await startLoopback();
  for (const c of COMPANIES)
    host.routes.set(`/api/xbrl/companyfacts/CIK${String(c.cik).padStart(10, '0')}.json`, { body: companyFacts(c), type: 'application/json' });
  if (existsSync(shared))
    for (const [route, file] of Object.entries(COPIES)) host.routes.set(decodeURIComponent(route), { body: readFileSync(path.join(shared, file)) });
});
afterAll(async () => {
  await host.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A copy of the sample's content/data whose loaders read from the loopback host. */
function sampleCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'substation-data-cli-'));
  roots.push(root);
  cpSync(path.join(repo, 'content/data'), path.join(root, 'content/data'), { recursive: true });
  for (const name of readdirSync(path.join(root, 'content/data')).filter((n) => n.endsWith('.meta.yaml'))) {
    const file = path.join(root, 'content/data', name);
    const text = readFileSync(file, 'utf8')
      .replaceAll(GITHUB, host.url)
      .replace(/^( {2})connector: edgar$/m, `$1connector: edgar\n$1base: ${host.url}`);
    writeFileSync(file, text);
  }
  return root;
}

function data(root: string, args: string[] = []): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [path.join(repo, 'scripts/data.ts'), '--root', root, ...args], {
    cwd: root,
    env: { ...process.env, SEC_USER_AGENT: UA, EIA_API_KEY: '' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

const snapshot = (root: string) =>
  Object.fromEntries(
    readdirSync(path.join(root, 'content/data'))
      .sort()
      .map((n) => {
        const file = path.join(root, 'content/data', n);
        return [n, { text: readFileSync(file, 'utf8'), mtime: statSync(file, { bigint: true }).mtimeNs }];
      }),
  );
const texts = (root: string) => Object.fromEntries(Object.entries(snapshot(root)).map(([n, { text }]) => [n, text]));

describe.skipIf(!existsSync(shared))('npm run data over every sample dataset, from loopback copies', () => {
  let first: string;
  let firstRun: Awaited<ReturnType<typeof data>>;
  beforeAll(async () => {
    first = sampleCopy();
    firstRun = await data(first);
  });

  it('reproduces the three real datasets byte for byte, and replaces the illustrative capex with filed figures', () => {
    expect({ code: firstRun.code, err: firstRun.err }).toEqual({ code: 0, err: '' });
    for (const name of REAL) expect(firstRun.out).toMatch(new RegExp(`^✓ ${name}: unchanged, \\d+ rows \\(\\d+\\.\\ds\\)$`, 'm'));
    expect(firstRun.out).toMatch(
      /^✓ hyperscaler-capex: 48 values revised, columns added: derived; wrote hyperscaler-capex.csv and hyperscaler-capex.meta.yaml \(\d+\.\ds\)$/m,
    );
    expect(firstRun.out).toMatch(/^✓ ran 4 loaders in \d+\.\ds: 1 updated, 3 unchanged, 0 failed \(5 datasets without a loader\)$/m);
    for (const name of REAL) {
      expect(readFileSync(path.join(first, `content/data/${name}.csv`), 'utf8')).toBe(readFileSync(path.join(repo, `content/data/${name}.csv`), 'utf8'));
    }
  });

  it('writes hyperscaler-capex from the filings: derived quarters marked, the meta cites EDGAR and is no longer illustrative', () => {
    const csv = readFileSync(path.join(first, 'content/data/hyperscaler-capex.csv'), 'utf8').split('\n');
    expect(csv.slice(0, 5)).toEqual([
      'quarter,company,capex_bn,derived',
      '2023 Q1,Alphabet,6.3,false',
      '2023 Q1,Amazon,14.2,false',
      '2023 Q1,Meta,7.1,false',
      '2023 Q1,Microsoft,6.6,true',
    ]);
    expect(csv).toContain('2023 Q4,Meta,7.7,true'); // the 10-K's year less nine months
    expect(csv).toContain('2025 Q4,Microsoft,22.6,true');
    const meta = readFileSync(path.join(first, 'content/data/hyperscaler-capex.meta.yaml'), 'utf8');
    expect(meta).not.toMatch(/^illustrative:/m);
    expect(meta).toMatch(
      /^source:\n {2}name: SEC EDGAR, XBRL company facts from each company's 10-Q and 10-K filings\n {2}url: https:\/\/www\.sec\.gov\/search-filings\/edgar-application-programming-interfaces\n/m,
    );
    expect(meta).toMatch(/^license: Public domain \(US government data, SEC EDGAR\)$/m);
    expect(meta).toMatch(/^retrieved: \d{4}-\d{2}-\d{2}\nhash: sha256:[0-9a-f]{64}$/m);
  });

  it('a second run changes no byte and touches no file', async () => {
    const before = snapshot(first);
    const again = await data(first);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^✓ ran 4 loaders in \d+\.\ds: 0 updated, 4 unchanged, 0 failed/m);
    expect(snapshot(first)).toEqual(before);
  });

  it('two fresh runs over the same sources write the same bytes', async () => {
    const second = sampleCopy();
    expect((await data(second)).code).toBe(0);
    expect(texts(second)).toEqual(texts(first));
  });

  it('a failed loader keeps its CSV and names the dataset, the URL and the reason; the others still run', async () => {
    const root = sampleCopy();
    const route = decodeURIComponent(Object.keys(COPIES)[2]!);
    const copy = host.routes.get(route)!;
    host.routes.set(route, { body: 'unavailable', status: 503 });
    const before = snapshot(root);
    const run = await data(root, ['ml-accelerators', 'us-electricity-prices']).finally(() => host.routes.set(route, copy));
    expect(run.code).toBe(1);
    expect(run.err).toBe(`✗ ml-accelerators: ${host.url}${Object.keys(COPIES)[2]}: 503 Service Unavailable; content/data/ml-accelerators.csv is unchanged\n`);
    expect(run.out).toMatch(/^✓ us-electricity-prices: unchanged/m);
    expect(snapshot(root)).toEqual(before);
  });
});

it('an unknown dataset exits 2 with a did-you-mean, and writes nothing', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'substation-data-cli-'));
  roots.push(root);
  cpSync(path.join(repo, 'content/data'), path.join(root, 'content/data'), { recursive: true });
  const run = await data(root, ['hyperscaler-capx']);
  expect(run).toEqual({
    code: 2,
    out: '',
    err: expect.stringMatching(
      /^✗ data: unknown dataset "hyperscaler-capx": no file content\/data\/hyperscaler-capx\.csv; did you mean "hyperscaler-capex"\? Datasets: /,
    ),
  });
});
