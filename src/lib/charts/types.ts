// What every chart renderer takes and returns. Specs hold data already checked against the dataset
// (see src/lib/datasets/embed.ts), so renderers never meet an unknown column.
import type { Cell, Column, Row } from '../datasets/dataset.ts';

export interface Annotation {
  /** Where the note sits on the x axis, already read as the x column's type. */
  x: Cell;
  label: string;
}

export interface ChartSpec {
  /** Stable id for the SVG and its <title>/<desc>; derived from the figure id, never random. */
  id: string;
  /** Short name of the chart: the SVG's <title>. */
  title: string;
  /** What the chart shows, for screen readers (the embed's alt): the SVG's <desc>. */
  description: string;
  x: Column;
  y: Column;
  /** Column splitting rows into lines, bars or colours. */
  series?: Column | undefined;
  rows: readonly Row[];
  /** d3-format / d3-time-format specifiers, already checked. */
  xFormat?: string | undefined;
  yFormat?: string | undefined;
  /** One series drawn in the accent colour, the others muted. */
  highlight?: string | undefined;
  annotations?: readonly Annotation[] | undefined;
  /** Intrinsic size in px; the SVG scales to its container through its viewBox. Default 640 × 360. */
  width?: number | undefined;
  height?: number | undefined;
  /** DOM to render into; default a shared linkedom document. */
  document?: Document | undefined;
}

export interface LegendItem {
  label: string;
  /** A CSS colour, usually var(--series-N). */
  color: string;
  muted: boolean;
}

export interface ChartOutput {
  svg: string;
  /** Swatches for charts whose series are not labelled directly; empty otherwise. */
  legend: LegendItem[];
}
