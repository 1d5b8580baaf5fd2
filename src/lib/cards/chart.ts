// The small chart on an essay's card: a line of the hero dataset's first numeric column, as an SVG
// that satori places like an image. Deliberately bare (no axes): it says "this essay has data".

export interface CardChart {
  /** Dataset title, shown above the line. */
  label: string;
  values: number[];
}

const r = (n: number) => Math.round(n * 10) / 10;

export function chartSvg({ values }: CardChart, width: number, height: number, color: string): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length < 2) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const pad = 6;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number) => pad + (1 - (v - min) / span) * (height - 2 * pad);
  const points = values.flatMap((v, i) => (Number.isFinite(v) ? [`${r(x(i))},${r(y(v))}`] : []));
  const lastIndex = values.findLastIndex(Number.isFinite);
  const area = `M${points[0]} L${points.join(' L')} L${r(x(lastIndex))},${height - pad} L${pad},${height - pad}Z`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<path d="${area}" fill="${color}" fill-opacity="0.08"/>` +
    `<line x1="${pad}" x2="${width - pad}" y1="${height - pad}" y2="${height - pad}" stroke="#d9d4c8" stroke-width="2"/>` +
    `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="4" stroke-linejoin="round" stroke-linecap="round"/>` +
    `<circle cx="${r(x(lastIndex))}" cy="${r(y(values[lastIndex]!))}" r="7" fill="${color}"/>` +
    '</svg>'
  );
}

/** The first numeric column of a dataset's rows (of its first series, if it has one), in row order; undefined when there is none. */
export function firstNumericSeries(columns: ReadonlyArray<{ name: string; type: string }>, rows: ReadonlyArray<Record<string, unknown>>): number[] | undefined {
  const column = columns.find((c) => c.type === 'number' || c.type === 'integer' || c.type === 'percent');
  if (!column) return undefined;
  // A long-form dataset (one row per series and x) would zigzag between series: chart the first one.
  const series = columns.find((c) => c.type === 'string');
  const first = series ? rows[0]?.[series.name] : undefined;
  const own = series ? rows.filter((row) => row[series.name] === first) : rows;
  return own.map((row) => (typeof row[column.name] === 'number' ? (row[column.name] as number) : Number.NaN));
}
