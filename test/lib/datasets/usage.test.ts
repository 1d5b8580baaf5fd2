// Which essays and issues use a dataset: the embeds in a body that read one (charts, Metric,
// Sparkline, DataTable), the frontmatter hero, and the map /data/ prints from them.
import { describe, expect, it } from 'vitest';
import { datasetsInBody, datasetsOf, usageByDataset, type UsingEntry } from '../../../src/lib/datasets/usage.ts';

const body = `
Meta spends <Sparkline data="hyperscaler-capex" y="capex_bn" x="quarter" where={{ company: "Meta" }} /> a quarter.

<LineChart
  data="us-electricity-generation"
  x="year"
  y="twh"
  alt="Generation by source"
/>

<Metric data="rack-power-density" value="kw_per_rack" x="year" />
<DataTable data="hbm-share" columns={["year", "share"]} />
<BarChart data={"hbm-share"} x="year" y="share" alt="Shares" />
<NewsList topic="chips" />
<Callout tone="note">Not data.</Callout>

\`\`\`mdx
<Metric data="in-a-code-block" value="v" />
\`\`\`
`;

describe('datasetsInBody', () => {
  it('lists the datasets that data embeds read, in order of first use, each once', () => {
    expect(datasetsInBody(body)).toEqual(['hyperscaler-capex', 'us-electricity-generation', 'rack-power-density', 'hbm-share']);
  });

  it('leaves out a data prop that is code, a component that reads no dataset, and a body that does not parse', () => {
    expect(datasetsInBody('<Metric data={name} value="v" />\n\n<Story title="t" url="https://x.test/" source="s" />')).toEqual([]);
    expect(datasetsInBody('<Wobble data="hbm-share" />')).toEqual([]);
    expect(datasetsInBody('<Metric data="hbm-share" value="v"')).toEqual([]);
  });
});

describe('datasetsOf', () => {
  it('puts the hero first and counts a dataset used both ways once', () => {
    expect(datasetsOf({ hero: 'hbm-share', body })).toEqual(['hbm-share', 'hyperscaler-capex', 'us-electricity-generation', 'rack-power-density']);
    expect(datasetsOf({ hero: undefined, body: 'No embeds.' })).toEqual([]);
    expect(datasetsOf({ hero: 'hbm-share', body: 'No embeds.' })).toEqual(['hbm-share']);
  });
});

describe('usageByDataset', () => {
  const entry = (over: Partial<UsingEntry> & Pick<UsingEntry, 'title' | 'body'>): UsingEntry => ({
    kind: 'essay',
    url: `/essays/${over.title.toLowerCase().replace(/\W+/g, '-')}/`,
    ...over,
  });

  it('maps each dataset to the entries that use it, in the order given, each once', () => {
    const usage = usageByDataset([
      entry({ title: 'Newest', body: '<Metric data="a" value="v" />\n\n<Metric data="a" value="w" />' }),
      entry({ title: 'Older', hero: 'b', body: '<Sparkline data="a" y="v" />' }),
      entry({ kind: 'issue', title: 'Issue 1: Week one', url: '/issues/1/', body: '<DataTable data="b" />' }),
      entry({ title: 'Words only', body: 'Nothing charted.' }),
    ]);
    expect(Object.fromEntries(usage)).toEqual({
      a: [
        { kind: 'essay', title: 'Newest', url: '/essays/newest/' },
        { kind: 'essay', title: 'Older', url: '/essays/older/' },
      ],
      b: [
        { kind: 'essay', title: 'Older', url: '/essays/older/' },
        { kind: 'issue', title: 'Issue 1: Week one', url: '/issues/1/' },
      ],
    });
    expect(usage.get('unused')).toBeUndefined();
  });
});
