// The chart PNG twins' paths and PNGs, for the chart route (src/pages/charts/[owner]/[figure].png.ts).
//
// In `astro build` the route's getStaticPaths, which Astro 7 calls for every route before it renders
// the first page, hands every twin that is not in the chart cache yet to the card worker pool that
// src/integrations/card-pool.ts started with the build (newest essays first, as the feeds want
// them), and the pool copies each PNG into the output once the pages are written
// (src/lib/cards/deliveries-fs.ts): Astro gets a route only for a chart that cannot be drawn, whose
// endpoint fails with its message. Without a pool (astro dev, SUBSTATION_CARD_WORKERS=0, one core)
// every twin is a route whose endpoint rasterises it, as it always has. Either way chartTwinPng
// draws it, so the bytes are the same, and so is the error of a twin that cannot be drawn.
import type { CollectionEntry } from 'astro:content';
import { activeCardPool } from '../lib/cards/active-pool.ts';
import { chartFigure, type ChartKind, type ChartProps } from '../lib/charts/figure.ts';
import { chartTwin, chartTwinPng, type ChartTwin } from '../lib/charts/png-fs.ts';
import { fsLookup } from '../lib/datasets/dataset-fs.ts';
import { chartOwner, entryFigures } from './render-body.ts';

type Entry = CollectionEntry<'essays'> | CollectionEntry<'issues'>;

/** A twin route's props: the chart as the MDX gives it, and its name for messages (a type, not an interface, so that Astro's Props accepts it). */
export type ChartTwinProps = {
  kind: ChartKind;
  props: ChartProps;
  /** The essay or issue, as chartFigure's messages name it. */
  file: string;
  /** `chart "<id>" in content/essays/<essay>.mdx`: what a twin's error starts with. */
  name: string;
};

function twinOf({ kind, props, file }: ChartTwinProps): ChartTwin {
  const fig = chartFigure(kind, { ...props, file }, fsLookup());
  return chartTwin(fig.wide, fig.legend);
}

/** A twin's SVG and key, or undefined for a chart that cannot be drawn (its endpoint and page fail with its own message). */
function tryTwin(props: ChartTwinProps): ChartTwin | undefined {
  try {
    return twinOf(props);
  } catch {
    return undefined;
  }
}

/**
 * getStaticPaths for the chart route: the chart of every entry whose props are known before
 * rendering. In a build with the card pool, each twin goes to the pool now and is delivered into the
 * output at /charts/<owner>/<figure>.png (src/lib/cards/deliveries-fs.ts): no path, except for a
 * chart that cannot be drawn, whose endpoint fails with its own message. Otherwise a path per chart,
 * whose cacheKey is its twin's key, the hash of the SVG it is drawn from, so Astro's incremental build
 * keeps the previous PNG of an unchanged chart without running its endpoint (src/site/page-keys.ts
 * does the same for essay pages).
 */
export async function chartTwinPaths(entries: readonly Entry[]) {
  const paths = entries.flatMap((entry) =>
    entryFigures(entry).flatMap((f) => {
      if (f.kind !== 'chart' || f.dynamic) return [];
      const name = `chart "${f.id}" in ${entry.filePath ?? `content/${entry.collection}/${entry.id}.mdx`}`;
      const props: ChartTwinProps = { kind: f.component, props: f.props, file: `content/${entry.collection}/${entry.id}`, name };
      return [{ params: { owner: chartOwner(entry), figure: f.id }, props }];
    }),
  );
  const pool = activeCardPool();
  const undrawable: typeof paths = [];
  const keyed = [];
  for (const path of paths) {
    const twin = tryTwin(path.props);
    if (!twin) undrawable.push(path);
    else if (!pool) keyed.push({ ...path, cacheKey: twin.key });
    else {
      const { name } = path.props;
      const job = pool.chart({ name, key: twin.key, svg: twin.svg });
      pool.deliver(`charts/${path.params.owner}/${path.params.figure}.png`, 'chart', job, () => chartTwinPng(twinOf(path.props), { name }).png);
      // Drawing each chart's SVG takes the main thread a few ms: let the workers' answers in between,
      // so that they get their next twins while the rest are drawn.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return [...keyed, ...undrawable];
}

async function twinPng(props: ChartTwinProps): Promise<Buffer> {
  return chartTwinPng(twinOf(props), { name: props.name }).png;
}

export async function chartTwinResponse(props: ChartTwinProps): Promise<Response> {
  return new Response(new Uint8Array(await twinPng(props)), { headers: { 'Content-Type': 'image/png' } });
}
