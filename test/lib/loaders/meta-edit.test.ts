// The loader's edits to a meta file change only the lines they are about: a folded description, a
// flow mapping, comments and key order stay as the editor wrote them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { editMeta } from '../../../src/lib/loaders/meta-edit.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const changed = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
};

test('retrieved, source.url and hash are replaced in place, everything else is untouched', () => {
  const text = readFileSync(path.join(repo, 'content/data/us-datacenter-electricity.meta.yaml'), 'utf8');
  const out = editMeta(text, { retrieved: '2027-02-03', url: 'https://example.com/new?a=1&b=2', hash: `sha256:${'a'.repeat(64)}` });
  expect(changed(text, out)).toEqual({
    removed: ['  url: https://eta.lbl.gov/publications/2024-lbnl-data-center-energy-usage-report', 'retrieved: 2026-01-15'],
    added: ['  url: https://example.com/new?a=1&b=2', 'retrieved: 2027-02-03', `hash: sha256:${'a'.repeat(64)}`],
  });
  expect(out.indexOf('hash:')).toBe(out.indexOf('\n', out.indexOf('retrieved:')) + 1);
});

test('an existing hash is replaced; nothing changes when nothing is new', () => {
  const text =
    'title: T\ndescription: >-\n  Two\n  lines.\nsource: { name: N, url: https://a.example/x }\nlicense: L\nretrieved: 2026-01-01\nhash: sha256:' +
    'b'.repeat(64) +
    '\ncolumns: {}\n';
  expect(editMeta(text, { url: 'https://a.example/x', hash: `sha256:${'b'.repeat(64)}` })).toBe(text);
  const out = editMeta(text, { url: 'https://a.example/y: z', hash: `sha256:${'c'.repeat(64)}` });
  expect(out).toBe(text.replace('https://a.example/x', '"https://a.example/y: z"').replace('b'.repeat(64), 'c'.repeat(64)));
});

test("illustrative figures replaced by a loader: the meta cites the loader's source, licence and note", () => {
  const text = readFileSync(path.join(repo, 'content/data/hyperscaler-capex.meta.yaml'), 'utf8');
  const out = editMeta(text, {
    url: 'https://www.sec.gov/x',
    retrieved: '2027-01-02',
    hash: `sha256:${'d'.repeat(64)}`,
    provenance: { source: 'SEC EDGAR', license: 'Public domain', note: 'Derived quarters are marked.' },
  });
  const { removed, added } = changed(text, out);
  expect(removed).toEqual(['license: CC BY 4.0 (Substation)', 'retrieved: 2026-01-15', 'illustrative: true', expect.stringMatching(/^note: Illustrative/)]);
  expect(added).toEqual([
    'source:',
    '  name: SEC EDGAR',
    '  url: https://www.sec.gov/x',
    'license: Public domain',
    'retrieved: 2027-01-02',
    `hash: sha256:${'d'.repeat(64)}`,
    'note: Derived quarters are marked.',
  ]);
  expect(out).toContain('description: >-\n  Quarterly capital expenditure');
});
