// The eight mistakes of issue 12, each as an edit to a scratch copy of the sample publication and
// the words every place the author looks (check, build, dev server) must show: the file, the line
// and the fix. `page` is a page of the dev server that the mistake breaks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Mistake {
  name: string;
  /** The file edited, relative to the project root. */
  file: string;
  edit(text: string): string;
  /** Substrings of the one problem line, starting with `file:line`. */
  expected: string[];
  page: string;
}

const PACKAGE = 'content/essays/the-package-is-the-product.mdx';
const HEAT = 'content/essays/heat-is-the-new-floor-space.mdx';

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`mistake fixture: ${String(from)} not found; the sample content changed`);
  return next;
}

export const MISTAKES: Mistake[] = [
  {
    name: 'a misspelled topic',
    file: PACKAGE,
    edit: (t) => replaceOnce(t, /^topics: \[chips\]$/m, 'topics: [chipz]'),
    expected: [`${PACKAGE}:6: topics[0]: unknown topic "chipz"; did you mean "chips"?`, 'Allowed: chips, energy'],
    page: '/essays/the-package-is-the-product/',
  },
  {
    name: 'a misspelled chart column',
    file: PACKAGE,
    edit: (t) => replaceOnce(t, '  y="share"', '  y="shar"'),
    expected: [
      `${PACKAGE}:52:3: <BarChart y="shar">: unknown column "shar" in content/data/hbm-share.csv; did you mean "share"? Columns: year, supplier, share`,
    ],
    page: '/essays/the-package-is-the-product/',
  },
  {
    name: '"n/a" in a number column',
    file: 'content/data/rack-power-density.csv',
    edit: (t) => replaceOnce(t, /^(2019,[^,\n]+,)[\d.]+$/m, '$1n/a'),
    expected: ['content/data/rack-power-density.csv', 'expected', '"n/a"', 'missing: ["n/a"]'],
    page: '/essays/heat-is-the-new-floor-space/',
  },
  {
    name: 'a missing alt',
    file: HEAT,
    edit: (t) => replaceOnce(t, /^ {2}alt="Illustrative power per rack[^\n]*\n/m, ''),
    expected: [`${HEAT}:27:1: <LineChart data="rack-power-density">: missing alt: add alt="…", what the chart shows, in a sentence`],
    page: '/essays/heat-is-the-new-floor-space/',
  },
  {
    name: 'the date 2026-13-45',
    file: PACKAGE,
    edit: (t) => replaceOnce(t, /^date: .*$/m, 'date: 2026-13-45'),
    expected: [`${PACKAGE}:4: date: expected a date as YYYY-MM-DD such as 2026-03-14, received "2026-13-45"`],
    page: '/essays/the-package-is-the-product/',
  },
  {
    name: 'an unclosed <LineChart',
    file: HEAT,
    edit: (t) => replaceOnce(t, /\n\/>\n/, '\n\n'),
    expected: [`${HEAT}:27:1: <LineChart> is not closed: end it with "/>", or with ">" and a closing </LineChart>`],
    page: '/essays/heat-is-the-new-floor-space/',
  },
  {
    name: 'an import-path typo',
    file: HEAT,
    edit: (t) => replaceOnce(t, /^---\n\n/m, "---\n\nimport LineChart from '../../src/components/embeds/LineCart.astro';\n\n"),
    expected: [
      `${HEAT}:17:24: import "../../src/components/embeds/LineCart.astro": no such file src/components/embeds/LineCart.astro; did you mean "../../src/components/embeds/LineChart.astro"?`,
    ],
    page: '/essays/heat-is-the-new-floor-space/',
  },
  {
    name: 'a wrong column type in meta.yaml',
    file: 'content/data/rack-power-density.meta.yaml',
    edit: (t) => replaceOnce(t, /type: number/, 'type: numbr'),
    expected: ['content/data/rack-power-density.meta.yaml:', 'unknown type "numbr"; did you mean "number"? Types: number, integer, percent, date, string'],
    page: '/essays/heat-is-the-new-floor-space/',
  },
];

/** Makes the mistake in the copy at `root`; returns the function that puts the file back. */
export function makeMistake(root: string, mistake: Mistake): () => void {
  const path = join(root, mistake.file);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, mistake.edit(before));
  return () => writeFileSync(path, before);
}
