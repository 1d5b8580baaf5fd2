// Real, messy public CSVs from ../shared/datasets (see its SOURCES.tsv), each given the meta an
// editor would write for it: the pipeline loads it with the right types, or rejects it precisely.
// The files are read in place and never copied into the project.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDataset, type Dataset } from '../../../src/lib/datasets/dataset.ts';
import { datasetMetaSchema, type DatasetMetaInput } from '../../../src/lib/schema/dataset.ts';
import { messageOf } from './helpers.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const sharedDir = path.resolve(repoRoot, '../shared/datasets');
const present = existsSync(path.join(sharedDir, 'SOURCES.tsv'));
if (!present) console.warn(`skipping the shared-datasets suite: ${sharedDir} is absent (it holds the real CSV fixtures)`);

type Meta = Pick<DatasetMetaInput, 'columns'> & Partial<DatasetMetaInput>;

function loadShared(file: string, meta: Meta): Dataset {
  return buildDataset({
    name: file.replace(/\.csv$/, ''),
    csv: readFileSync(path.join(sharedDir, file), 'utf8'),
    file: `../shared/datasets/${file}`,
    metaFile: `(meta written in ${path.basename(import.meta.filename)})`,
    meta: datasetMetaSchema.parse({
      title: file,
      description: 'Test fixture.',
      license: 'see SOURCES.tsv',
      retrieved: '2026-01-01',
      illustrative: true,
      ...meta,
    }),
  });
}

const num = { type: 'number' } as const;

describe.skipIf(!present)('../shared/datasets', () => {
  test('every CSV listed in SOURCES.tsv has a case here', () => {
    const listed = readFileSync(path.join(sharedDir, 'SOURCES.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0])
      .filter((f) => f?.endsWith('.csv'));
    expect(listed.sort()).toEqual(Object.keys(cases).sort());
  });

  const cases: Record<string, () => void> = {
    'eia_mer_t9_8_retail_electricity_prices_monthly.csv': () => {
      // BOM, a units row under the header, "Not Available" and "Not Applicable" for no value.
      const total = 'Average Retail Price of Electricity, Total';
      const d = loadShared('eia_mer_t9_8_retail_electricity_prices_monthly.csv', {
        skipRows: 1,
        missing: ['Not Available', 'Not Applicable'],
        columns: { Month: { type: 'date' }, [total]: { ...num, unit: 'cents/kWh' }, 'Average Retail Price of Electricity, Transportation': num },
      });
      expect(d.columns[0]!.name).toBe('Month');
      expect(d.rows).toHaveLength(557);
      expect(d.rows[0]).toMatchObject({ Month: new Date('1976-01-01T00:00:00Z'), [total]: null });
      expect(d.rows.at(-1)!.Month).toEqual(new Date('2022-05-01T00:00:00Z'));
      expect(d.rows.filter((r) => typeof r[total] === 'number').length).toBeGreaterThan(400);
    },
    'epoch_ml_hardware.csv': () => {
      // Line breaks inside quoted cells, "inf", scientific notation, a +00:00 timestamp.
      const d = loadShared('epoch_ml_hardware.csv', {
        missing: ['inf'],
        columns: {
          'Release date': { type: 'date' },
          'Release price (USD)': num,
          'Tensor-FP16/BF16 performance (FLOP/s)': num,
          'TDP (W)': num,
          'Energy efficiency': num,
          'Price-performance': num,
          'Last modified': { type: 'date' },
        },
      });
      expect(d.rows).toHaveLength(169);
      expect(d.rows.some((r) => String(r.Notes ?? '').includes('\n'))).toBe(true);
      expect(d.rows.every((r) => r['Energy efficiency'] === null || Number.isFinite(r['Energy efficiency']))).toBe(true);
    },
    'top500_2025-06.csv': () => {
      const d = loadShared('top500_2025-06.csv', {
        missing: ['None'],
        columns: {
          Rank: { type: 'integer' },
          Year: { type: 'integer' },
          'Rmax [TFlop/s]': num,
          'Power (kW)': num,
          'Accelerator/Co-Processor': { type: 'string' },
        },
      });
      expect(d.rows).toHaveLength(500);
      expect(d.rows[0]).toMatchObject({ Rank: 1, Name: 'El Capitan', 'Rmax [TFlop/s]': 1742000 });
      expect(d.rows.filter((r) => r['Power (kW)'] === null).length).toBe(287);
    },
    'owid_electricity_mix_2000plus.csv': () => {
      const d = loadShared('owid_electricity_mix_2000plus.csv', {
        columns: {
          Year: { type: 'integer' },
          'Electricity Generation (TWh)': num,
          'Solar (% electricity)': { type: 'percent' },
          'Carbon intensity of electricity (gCO2/kWh)': num,
        },
      });
      expect(d.rows).toHaveLength(4771);
      expect(d.rows.filter((r) => r['Carbon intensity of electricity (gCO2/kWh)'] === null).length).toBe(4141);
    },
    'submarine_cables.csv': () => {
      // "45,000 km" is not a number: the editor is told which row, and how to fix it.
      const message = messageOf(() => loadShared('submarine_cables.csv', { columns: { length: num } }));
      expect(message.split('\n')[0]).toBe('DatasetError: ../shared/datasets/submarine_cables.csv: row 2, column "length": expected number, found "45,000 km"');
      expect(message).toMatchSnapshot();
      // Read as text, with the mixed release dates ("2023", "2009 April", "2024 Q3") as dates.
      const d = loadShared('submarine_cables.csv', {
        columns: { rfs: { type: 'date' }, rfs_year: { type: 'integer' }, landing_point_count: { type: 'integer' } },
      });
      expect(d.rows).toHaveLength(521);
      expect(d.rows[1]).toMatchObject({ name: 'ACS Alaska-Oregon Network (AKORN)', length: '3,000 km', rfs: new Date('2009-04-01T00:00:00Z') });
      expect(d.rows.find((r) => String(r.countries).includes('Côte'))).toBeDefined();
    },
    'eto_chip_supply_chain_provision.csv': () => {
      // CRLF, shares as "61%", most shares blank.
      const d = loadShared('eto_chip_supply_chain_provision.csv', { columns: { share_provided: { type: 'percent' } } });
      expect(d.rows).toHaveLength(660);
      expect(d.rows[0]).toEqual({
        provider_name: 'USA',
        provider_id: 'P1',
        provided_name: 'Design',
        provided_id: 'S1',
        share_provided: 61,
        negligible_market_share: null,
      });
      expect(d.rows.filter((r) => r.share_provided === null)).toHaveLength(454);
    },
    'insideenergy_us_data_center_energy_use.csv': () => {
      // CR-only line endings and two tables in one file: the second table's rows are not years.
      const message = messageOf(() =>
        loadShared('insideenergy_us_data_center_energy_use.csv', {
          columns: { Year: { type: 'integer' }, 'Total Data Center Electricity Consumption (Billion kWh)': num, 'Data Center Portion': { type: 'percent' } },
        }),
      );
      expect(message.split('\n')[0]).toBe(
        'DatasetError: ../shared/datasets/insideenergy_us_data_center_energy_use.csv: row 6, column "Year": expected integer, found "X"',
      );
      expect(message).toMatchSnapshot();
    },
  };

  for (const [file, run] of Object.entries(cases)) test(file, run);
});
