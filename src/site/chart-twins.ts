// The chart PNG twins' paths and PNGs, for the chart route (src/pages/charts/[owner]/[figure].png.ts).
//
// In `astro build` the route's getStaticPaths, which Astro 7 calls for every route before it renders
// the first page, hands every twin that is not in the chart cache yet to the card worker pool that
// src/integrations/card-pool.ts started with the build (newest essays first, as the feeds want
// them); pages render on the main thread meanwhile, and each twin's endpoint then awaits its own
// job and reads the PNG from the cache. Without a pool (astro dev, SUBSTATION_CARD_WORKERS=0, one
// core) an endpoint rasterises its twin itself, as it always has. Either way chartTwinPng draws it,
// so the bytes are the same, and so is the error of a twin that cannot be drawn.
import type { CollectionEntry } from 'astro:content';
import { activeCardPool, isPoolUnavailable } from '../lib/cards/active-pool.ts';
import { chartFigure, type ChartKind, type ChartProps } from '../lib/charts/figure.ts';
import { chartTwin, chartTwinError, chartTwinPng, type ChartTwin } from '../lib/charts/png-fs.ts';
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

/** Hands the twins to the build's worker pool now (each drawn once, none already cached); nothing without a pool. */
async function prefetchChartTwins(twins: Iterable<readonly [ChartTwinProps, ChartTwin | undefined]>): Promise<void> {
  const pool = activeCardPool();
  if (!pool) return;
  for (const [props, twin] of twins) {
    if (!twin) continue;
    pool.chart({ name: props.name, key: twin.key, svg: twin.svg }).catch(() => {}); // reported by the endpoint that awaits it
    // Drawing each chart's SVG takes the main thread a few ms: let the workers' answers in between,
    // so that they get their next twins while the rest are drawn.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * getStaticPaths for the chart route: a path per chart of every entry whose props are known before
 * rendering, every twin prefetched. Each path's cacheKey is its twin's key, the hash of the SVG it is
 * drawn from, so Astro's incremental build keeps the previous PNG of an unchanged chart without
 * running its endpoint (src/site/page-keys.ts does the same for essay pages).
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
  const twins = paths.map((p) => [p.props, tryTwin(p.props)] as const);
  await prefetchChartTwins(twins);
  return paths.map((path, i) => {
    const twin = twins[i]![1];
    return twin ? { ...path, cacheKey: twin.key } : path;
  });
}

async function twinPng(props: ChartTwinProps): Promise<Buffer> {
  const twin = twinOf(props);
  const pool = activeCardPool();
  if (pool) {
    const started = performance.now();
    try {
      // The prefetched job (moved to the front if still queued), or the cache, or a job now.
      const done = await pool.chart({ name: props.name, key: twin.key, svg: twin.svg }, { first: true });
      const png = done.png ?? pool.readChart(done.key);
      if (png) return png;
    } catch (error) {
      // A pool that cannot take the twin leaves it to this thread; a twin that failed fails the build,
      // under this chart's name even when the job was another essay's identical chart.
      if (!isPoolUnavailable(error)) {
        const detail = (error as { detail?: unknown }).detail;
        throw typeof detail === 'string' ? chartTwinError(props.name, detail) : error;
      }
    } finally {
      pool.stats.charts.waitedMs += performance.now() - started;
    }
  }
  return chartTwinPng(twin, { name: props.name }).png;
}

export async function chartTwinResponse(props: ChartTwinProps): Promise<Response> {
  return new Response(new Uint8Array(await twinPng(props)), { headers: { 'Content-Type': 'image/png' } });
}
