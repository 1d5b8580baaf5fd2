// The figures of an essay or issue in reading order, read from its MDX before it renders: the
// numbers ("Figure 2") are real text on the page, in feeds and in email, and agree everywhere,
// and the build knows which chart PNG twins to make.
import type { ChartKind, ChartProps } from '../charts/figure.ts';
import { chartAnchorId } from '../charts/figure.ts';
import { elementProps, isElement, walk, type MdxNode } from './element-props.ts';
import { parseMdx } from './parse.ts';

export const CHART_KINDS: readonly ChartKind[] = ['LineChart', 'BarChart', 'AreaChart', 'ScatterChart'];

export type FigureRef =
  { kind: 'chart'; number: number; component: ChartKind; id: string; props: ChartProps; dynamic: boolean } | { kind: 'image'; number: number; src: string };

/** Every chart and image figure, numbered from 1; a body that does not parse has none. */
export function figuresOf(text: string): FigureRef[] {
  const parsed = parseMdx(text);
  return parsed.tree ? figuresIn(walk(parsed.tree as unknown as MdxNode)) : [];
}

/** The figures among the nodes of a body already parsed (walk's order), numbered from 1. */
export function figuresIn(nodes: Iterable<MdxNode>): FigureRef[] {
  const out: FigureRef[] = [];
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const { props, dynamic, spread } = elementProps(node);
    if ((CHART_KINDS as readonly string[]).includes(node.name!)) {
      const component = node.name as ChartKind;
      const chart = props as unknown as ChartProps;
      out.push({ kind: 'chart', number: out.length + 1, component, id: chartAnchorId(component, chart), props: chart, dynamic: spread || dynamic.size > 0 });
    } else if (node.name === 'Figure' && typeof props.src === 'string') {
      out.push({ kind: 'image', number: out.length + 1, src: props.src });
    }
  }
  return out;
}

/** The number of the chart with this id, or of the image with this src. */
export function figureNumber(figures: readonly FigureRef[], key: { chart: string } | { image: string }): number | undefined {
  return figures.find((f) => ('chart' in key ? f.kind === 'chart' && f.id === key.chart : f.kind === 'image' && f.src === key.image))?.number;
}
