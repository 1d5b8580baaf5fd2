// Checking an essay's body without a build: MDX syntax, imports, components and every embed's props,
// each problem one line `file:LINE:COL: <Tag prop="value">: what is wrong; the fix`. The full text of
// every message is snapshotted, so a change to any of them is a reviewed change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBody, type BodyEnv } from '../../../src/lib/content/check-body.ts';
import { EMBED_NAMES } from '../../../src/lib/embeds/registry.ts';
import { capex } from '../charts/fixtures.ts';
import { repoRoot } from '../../helpers/site.ts';

const files = new Set(['src/components/embeds/LineChart.astro', 'src/components/embeds/Metric.astro', 'src/components/Own.astro', 'public/images/hall.jpg']);
const env: BodyEnv = {
  lookup: { names: () => ['capex'], load: () => capex },
  exists: (path) => files.has(path) || path === 'node_modules/d3-format',
  list: (dir) => [...files].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)),
  topics: ['chips', 'energy'],
  companies: ['tsmc', 'nvidia'],
};
const FM = '---\ntitle: "T"\n---\n\n';
const check = (body: string) => checkBody('content/essays/x.mdx', FM + body, env);
const chart = 'data="capex" x="quarter" y="capex_bn" series="company" alt="Capex rises."';

describe('a body that is right', () => {
  it('has no problems: embeds by name, the import form, the author\'s own component, HTML, prose with <', () => {
    const body = [
      "import LineChart from '../../src/components/embeds/LineChart.astro';",
      "import Own from '../../src/components/Own.astro';",
      "import { format } from 'd3-format';",
      '',
      `<LineChart ${chart} where={{ company: ["Meta", "Amazon"], quarter: ">= 2024 Q1" }} />`,
      '',
      '<Metric data="capex" value="capex_bn" x="quarter" where={{ company: "Meta" }} compare="2023 Q4" />',
      '',
      '<Own anything={1} />',
      '',
      'Revenue < cost, a <span class="x">span</span>, {/* a note */} and <Callout tone="key">text</Callout>.',
      '',
      '<Figure src="/images/hall.jpg" alt="A hall." />',
      '',
      '<NewsList topic="energy" company="tsmc" limit={3} />',
      '',
      '<Story title="T" url="https://example.com/a" source="Wire" date="2026-11-20" also={["B"]}>Take.</Story>',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('leaves props it cannot know before the build (a variable) to the build', () => {
    expect(check(`export const who = { company: "Meta" };\n\n<LineChart ${chart} where={who} />`)).toEqual([]);
  });
});

describe('a body with mistakes', () => {
  const cases: Record<string, string> = {
    'unknown column, with did-you-mean': `<LineChart ${chart.replace('y="capex_bn"', 'y="capex_b"')} />`,
    'unknown dataset': `<LineChart ${chart.replace('data="capex"', 'data="capx"')} />`,
    'missing alt': '<LineChart data="capex" x="quarter" y="capex_bn" />',
    'empty alt': `<LineChart ${chart.replace('alt="Capex rises."', 'alt=" "')} />`,
    'bad format string': `<LineChart ${chart} yFormat=",.1q" />`,
    'filter leaving no rows': `<BarChart ${chart} where={{ company: "Oracle" }} />`,
    'filter on an unknown column': `<BarChart ${chart} where={{ firm: "Meta" }} />`,
    'unknown prop, with did-you-mean': `<LineChart ${chart} xFromat="%Y" />`,
    'wrong prop type': `<DataTable data="capex" limit="5" />`,
    'bad choice': `<Callout tone="warn">x</Callout>`,
    'unknown component': '<LinChart data="capex" />',
    'component used in a sentence': 'Capex was <Sparklin data="capex" y="capex_bn" /> this year.',
    'import path typo': "import Metric from '../../src/components/embeds/Metrc.astro';\n\nText.",
    'missing package': "import x from 'no-such-package';\n\nText.",
    'unclosed tag, blank line inside': `<LineChart ${chart}\n\nMore prose.`,
    'unclosed tag at the end of the file': `Text.\n\n<LineChart ${chart}`,
    'unbalanced braces in a prop': `<Metric data="capex" value="capex_bn" where={{ company: "Meta" } />`,
    'unclosed string in a prop': '<Metric data="capex value="capex_bn" />\n\nMore.',
    'bad expression in the text': 'A {broken expression(} here.',
    'less-than glued to a word': 'Revenue a<b and more.',
    'HTML comment': 'Text <!-- note --> more.',
    'metric on a text column': '<Metric data="capex" value="company" />',
    'unknown topic in a news list': '<NewsList topic="enrgy" />',
    'image not in public': '<Figure src="/images/hal.jpg" alt="A hall." />',
    'story link that is not http(s)': '<Story title="T" url="javascript:alert(1)" source="Wire">x</Story>',
    'a prop given twice': `<LineChart ${chart} y="capex_bn" />`,
    'a figure id that cannot be an anchor': `<LineChart ${chart} id="Capex by quarter" />`,
    'a link to a figure that is not there': `<LineChart ${chart} id="capex" />\n\nAs [Figure 1](#figure-capx) shows.`,
    'an embed imported by the import form is still checked': "import LineChart from '../../src/components/embeds/LineChart.astro';\n\n<LineChart data=\"capex\" x=\"quarter\" y=\"nope\" alt=\"A.\" />",
  };
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      const problems = check(body);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^content\/essays\/x\.mdx:\d+:\d+: /);
      expect(problems[0]).toMatchSnapshot();
    });
  }

  it('takes a link to a chart that is there, by its id or its default anchor', () => {
    expect(check(`<LineChart ${chart} id="capex" />\n\nAs [Figure 1](#figure-capex) shows.`)).toEqual([]);
    expect(check(`<LineChart ${chart} />\n\nAs [Figure 1](#figure-capex-linechart-capex-bn-company) shows.`)).toEqual([]);
  });

  it('reports every embed problem in a file, each at its own line', () => {
    const problems = check('<LineChart data="capex" x="quarter" y="nope" alt="A." />\n\n<Metric data="capx" value="v" />\n');
    expect(problems.map((p) => p.split(': ')[0])).toEqual(['content/essays/x.mdx:5:37', 'content/essays/x.mdx:7:9']);
  });
});

it('the registry and the MDX components mapping name the same components', () => {
  const mapping = readFileSync(`${repoRoot}/src/components/embeds/index.ts`, 'utf8');
  const names = /export const embeds = \{([^}]*)\}/.exec(mapping)?.[1]?.split(',').map((s) => s.trim()).filter(Boolean).sort();
  expect(names).toEqual(EMBED_NAMES);
});
