// The PNG twin of every chart in a published essay or issue, for feeds and email: the chart's own SVG
// in the light theme at 2×, rasterised by resvg and cached by a hash of that SVG. Charts whose props
// are code (known only while the page renders) have no twin; their feed form shows the values table.
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartFigure, type ChartKind, type ChartProps } from '../../../lib/charts/figure.ts';
import { chartPng } from '../../../lib/charts/png-fs.ts';
import { fsLookup } from '../../../lib/datasets/dataset-fs.ts';
import { publishedEssays } from '../../../site/essays.ts';
import { issueEntries } from '../../../site/issues.ts';
import { chartOwner, entryFigures } from '../../../site/render-body.ts';

export const getStaticPaths = (async () => {
  const entries = [...(await publishedEssays()), ...(await issueEntries())];
  return entries.flatMap((entry) =>
    entryFigures(entry).flatMap((f) =>
      f.kind === 'chart' && !f.dynamic
        ? [
            {
              params: { owner: chartOwner(entry), figure: f.id },
              props: { kind: f.component, props: f.props, file: `content/${entry.collection}/${entry.id}` },
            },
          ]
        : [],
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: ChartKind; props: ChartProps; file: string }> = ({ props: { kind, props, file } }) => {
  const fig = chartFigure(kind, { ...props, file }, fsLookup());
  const { png } = chartPng(fig.wide, fig.legend);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
