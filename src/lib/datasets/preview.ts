// The small chart beside each dataset on /data/: which series it draws, in words and as static SVG.
// The rule, so every dataset gets a fair glance without an author choosing one:
// - x: the first date column, else the first integer column holding years (1800 to 2200: years are
//   written as integers in our files); with neither, the rows in file order.
// - y: the first numeric column that is not x (number, integer or percent).
// - one line per category when the file is long-format: the first text column with 2 to 8 values
//   (the palette's size; "supplier", "source", "company"), keys in order of first appearance.
// - dots rather than lines when a text column names every row ("chip"): the rows are things, not a
//   series over time, and joining them would draw a trend that is not there; dots too when a text
//   column has more categories than colours.
import { PALETTE_SIZE, SINGLE, seriesColors, seriesKeys } from '../charts/palette.ts';
import { escapeXml as esc } from '../syndication/xml.ts';
import { cellKey, type Cell, type Column } from './cells.ts';
import type { Dataset, Row } from './dataset.ts';
import { formatter } from './format.ts';

export interface PreviewPoint {
  x: number;
  y: number | null;
  row: Row;
}

export interface PreviewLine {
  /** The category, or undefined for a single series. */
  key: string | undefined;
  color: string;
  points: PreviewPoint[];
}

export interface Preview {
  /** The x column; undefined when the rows are drawn in file order. */
  x: Column | undefined;
  y: Column;
  series: Column | undefined;
  /** With dots: the text column that names each point in the description. */
  label: Column | undefined;
  mark: 'line' | 'dot';
  /** What one dot stands for: "chip" when a column names every row, else "row". */
  dot: string;
  lines: PreviewLine[];
}

type Data = Pick<Dataset, 'columns' | 'rows'>;

const NUMERIC = new Set(['number', 'integer', 'percent']);
const isYear = (v: Cell) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1800 && v <= 2200);
const position = (v: Cell | undefined): number | undefined => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : undefined);

/** The series to preview, by the rule above; undefined when the dataset has no numeric values. */
export function choosePreview({ columns, rows }: Data): Preview | undefined {
  const years = (c: Column) => c.type === 'integer' && rows.some((r) => r[c.name] !== null) && rows.every((r) => isYear(r[c.name] ?? null));
  const x = columns.find((c) => c.type === 'date') ?? columns.find(years);
  const y = columns.find((c) => c !== x && NUMERIC.has(c.type));
  if (!y || !rows.some((r) => typeof r[y.name] === 'number')) return undefined;
  const text = columns.filter((c) => c.type === 'string');
  const distinct = (c: Column) => seriesKeys(rows, c.name).length;
  const unique = rows.length > 1 ? text.find((c) => distinct(c) === rows.length) : undefined;
  const series = text.find((c) => c !== unique && distinct(c) >= 2 && distinct(c) <= PALETTE_SIZE);
  // More categories than colours: one line through them all would zigzag between categories.
  const label = unique ?? (series ? undefined : text.find((c) => distinct(c) > PALETTE_SIZE));
  const mark = label ? 'dot' : 'line';
  const dot = unique ? lower(unique.label) : 'row';
  const keys = series ? seriesKeys(rows, series.name) : [undefined];
  const colors = series ? seriesColors(keys as string[]).map((i) => i.color) : [SINGLE];
  const lines = keys.map((key, i): PreviewLine => {
    const points = rows.flatMap((row, index): PreviewPoint[] => {
      if (series && cellKey(row[series.name] ?? null) !== key) return [];
      const at = x ? position(row[x.name]) : index;
      const value = row[y.name];
      return at === undefined ? [] : [{ x: at, y: typeof value === 'number' ? value : null, row }];
    });
    // A line runs left to right whatever the file's order; the sort is stable, so ties keep it.
    if (mark === 'line') points.sort((a, b) => a.x - b.x);
    return { key, color: colors[i]!, points };
  });
  const drawn = lines.filter((l) => l.points.some((p) => p.y !== null));
  return drawn.length ? { x, y, series, label, dot, mark, lines: drawn } : undefined;
}

const defined = (points: readonly PreviewPoint[]) => points.filter((p): p is PreviewPoint & { y: number } => p.y !== null);
// "Supplier" reads "by supplier"; an acronym ("CPU") keeps its capitals.
const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** The preview in words: the span, each line from first to last value, and the low and high, with units. */
export function previewDescription(preview: Preview): string {
  const { x, y, series, label } = preview;
  const all = preview.lines.flatMap((l) => defined(l.points).map((p) => ({ ...p, key: l.key })));
  const fy = formatter(y);
  const fx = x ? formatter(x, { values: all.map((p) => p.row[x.name] ?? null) }) : undefined;
  const at = (p: PreviewPoint) => (fx && x ? fx(p.row[x.name] ?? null) : `row ${p.x + 1}`);
  const lo = all.reduce((a, b) => (b.y < a.y ? b : a));
  const hi = all.reduce((a, b) => (b.y > a.y ? b : a));
  const first = all.reduce((a, b) => (b.x < a.x ? b : a));
  const last = all.reduce((a, b) => (b.x > a.x ? b : a));
  const span = x ? `, ${at(first)} to ${at(last)}` : '';
  const name = (p: (typeof all)[number]) => [label ? String(p.row[label.name]) : p.key, at(p)].filter(Boolean).join(', ');
  const extremes = `low ${fy(lo.y)} (${name(lo)}), high ${fy(hi.y)} (${name(hi)})`;
  const by = series ? ` by ${lower(series.label)}` : '';
  if (preview.mark === 'dot') {
    return `${y.label}${by}, one dot per ${preview.dot} (${all.length})${span}: ${extremes}.`;
  }
  const runs = preview.lines.map((line) => {
    const points = defined(line.points);
    const a = points[0]!;
    const b = points.at(-1)!;
    // Years are said once, in the span, unless this line starts or ends elsewhere.
    const own = a.x !== first.x || b.x !== last.x;
    const from = `from ${fy(a.y)}${own ? ` in ${at(a)}` : ''} to ${fy(b.y)}${own ? ` in ${at(b)}` : ''}`;
    return points.length === 1 ? `${line.key ?? y.label} ${fy(a.y)} in ${at(a)}` : `${line.key ? `${line.key} ` : ''}${from}`;
  });
  return `${y.label}${by}${span}: ${runs.join('; ')}; ${extremes}.`;
}

/** What the preview draws, for its caption: "Revenue share, %, by supplier". */
export function previewCaption({ y, series, mark, dot }: Preview): string {
  const unit = y.unit ? `, ${y.unit}` : '';
  return `${y.label}${unit}${series ? `, by ${lower(series.label)}` : ''}${mark === 'dot' ? `, one dot per ${dot}` : ''}`;
}

/** The SVG's title: the dataset's, then what is drawn. */
export function previewTitle(datasetTitle: string, { y, series }: Preview): string {
  return `${datasetTitle}: ${y.label}${series ? ` by ${lower(series.label)}` : ''}`;
}

const W = 400;
const H = 160;
const FONT = 15;
const r1 = (n: number) => Math.round(n * 10) / 10;

export interface PreviewSvgOptions {
  /** Stable id for <title>/<desc>, e.g. "preview-hbm-share". */
  id: string;
  title: string;
  description: string;
}

/** The preview as SVG: lines (or dots) in the series palette, the low and high at the left, the span below. */
export function renderPreview(preview: Preview, { id, title, description }: PreviewSvgOptions): string {
  const all = preview.lines.flatMap((l) => defined(l.points));
  const ys = all.map((p) => p.y);
  const xs = preview.lines.flatMap((l) => l.points.map((p) => p.x));
  const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const tick = formatter(preview.y, { unit: false });
  const fx = preview.x ? formatter(preview.x, { values: preview.lines.flatMap((l) => l.points.map((p) => p.row[preview.x!.name] ?? null)) }) : undefined;
  const xLabel = (v: number) => {
    const p = preview.lines.flatMap((l) => l.points).find((q) => q.x === v)!;
    return fx && preview.x ? fx(p.row[preview.x.name] ?? null) : `row ${v + 1}`;
  };
  const yLabels = [tick(hi), tick(lo)];
  // Room at the left for the longer of the two value labels, at about 0.6 em a character.
  const M = { top: 10, right: 8, bottom: 30, left: r1(10 + Math.max(...yLabels.map((s) => s.length)) * FONT * 0.6) };
  const sx = (v: number) => r1(x1 === x0 ? (M.left + W - M.right) / 2 : M.left + ((W - M.left - M.right) * (v - x0)) / (x1 - x0));
  const sy = (v: number) => r1(hi === lo ? H / 2 : M.top + ((H - M.top - M.bottom) * (hi - v)) / (hi - lo));
  const marks = preview.lines
    .map((line) => {
      if (preview.mark === 'dot')
        return defined(line.points)
          .map((p) => `<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="3" fill="${line.color}" fill-opacity="0.8"/>`)
          .join('');
      let d = '';
      let pen = false;
      // A blank value breaks the line rather than dropping to zero, as in a sparkline; a point with
      // no neighbour to join, and the latest, get a dot so that they show.
      let dots = '';
      const latest = line.points.findLastIndex((p) => p.y !== null);
      line.points.forEach(({ x, y }, i, points) => {
        if (y === null) return void (pen = false);
        d += `${pen ? 'L' : 'M'}${sx(x)},${sy(y)}`;
        const alone = !pen && (points[i + 1]?.y ?? null) === null;
        if (alone || i === latest) dots += `<circle cx="${sx(x)}" cy="${sy(y)}" r="2.5" fill="${line.color}"/>`;
        pen = true;
      });
      return `<path d="${d}" fill="none" stroke="${line.color}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>${dots}`;
    })
    .join('');
  const base = H - M.bottom;
  const text = (x: number, y: number, s: string, anchor: string) =>
    `<text class="preview-label" x="${r1(x)}" y="${r1(y)}" text-anchor="${anchor}" font-size="${FONT}">${esc(s)}</text>`;
  const labels =
    text(M.left - 6, sy(hi) + FONT * 0.35, yLabels[0]!, 'end') +
    (hi === lo ? '' : text(M.left - 6, sy(lo) + FONT * 0.35, yLabels[1]!, 'end')) +
    text(M.left, H - 6, xLabel(x0), 'start') +
    (x1 === x0 ? '' : text(W - M.right, H - 6, xLabel(x1), 'end'));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="preview-svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc">` +
    `<title id="${esc(id)}-title">${esc(title)}</title><desc id="${esc(id)}-desc">${esc(description)}</desc>` +
    `<line class="preview-axis" x1="${M.left}" x2="${W - M.right}" y1="${base}" y2="${base}"/>${marks}${labels}</svg>`
  );
}
