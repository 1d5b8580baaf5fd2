// The coverage chart on a company page: stories per week as bars, drawn by hand (26 bars and two
// labels need no Plot), with <title> and <desc> so a screen reader hears the same summary a sighted
// reader sees. Colours come from currentColor and CSS classes, so both themes work unchanged.
import type { CoverageWeek } from './coverage.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (n: number) => Math.round(n * 10) / 10;

/** "2 Jun" (fixed names: ICU versions disagree on short months). */
export function shortDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
}

/** "2 June 2026". */
export function longDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${LONG_MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

const stories = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;

/** The chart's text alternative: the window, the total and the busiest week. */
export function coverageSummary(series: readonly CoverageWeek[], name: string): string {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return `No stories naming ${name} on the wire yet.`;
  const span = `the ${series.length} weeks from ${longDay(first.start)} to the week of ${longDay(last.start)}`;
  const total = series.reduce((sum, w) => sum + w.count, 0);
  if (total === 0) return `No stories naming ${name} on the wire in ${span}.`;
  const most = Math.max(...series.map((w) => w.count));
  const busiest = series.filter((w) => w.count === most);
  const active = series.filter((w) => w.count > 0).length;
  const peak =
    busiest.length === 1 ? `the busiest was the week of ${longDay(busiest[0]!.start)}, with ${stories(most)}` : `at most ${stories(most)} in any one week`;
  return `Stories naming ${name} on the wire per week, in ${span}: ${stories(total)} in all, in ${active} of the ${series.length} weeks; ${peak}.`;
}

export interface CoverageChartSpec {
  /** Stable id for <title>/<desc>, e.g. "coverage-tsmc". */
  id: string;
  series: readonly CoverageWeek[];
  /** The company's name, for the text alternative. */
  name: string;
}

const W = 420;
const H = 132;
const M = { top: 10, right: 4, bottom: 22, left: 24 };

export function renderCoverageChart({ id, series, name }: CoverageChartSpec): string {
  const max = Math.max(1, ...series.map((w) => w.count));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const step = plotW / Math.max(1, series.length);
  const gap = Math.min(2, step * 0.2);
  const y = (v: number) => r1(M.top + plotH - (plotH * v) / max);
  const bars = series
    .map((w, i) =>
      w.count === 0
        ? ''
        : `<rect class="coverage-bar" x="${r1(M.left + i * step + gap / 2)}" y="${y(w.count)}" width="${r1(step - gap)}" height="${r1(M.top + plotH - y(w.count))}"><title>Week of ${esc(shortDay(w.start))}: ${stories(w.count)}</title></rect>`,
    )
    .join('');
  const axis = `<line class="coverage-axis" x1="${M.left}" x2="${W - M.right}" y1="${M.top + plotH}" y2="${M.top + plotH}"/>`;
  const grid = `<line class="coverage-grid" x1="${M.left}" x2="${W - M.right}" y1="${y(max)}" y2="${y(max)}"/>`;
  const yLabels = `<text class="coverage-label" x="${M.left - 6}" y="${y(max)}" dy="0.35em" text-anchor="end">${max}</text><text class="coverage-label" x="${M.left - 6}" y="${M.top + plotH}" dy="0.35em" text-anchor="end">0</text>`;
  const first = series[0];
  const last = series.at(-1);
  const xLabels =
    first && last
      ? `<text class="coverage-label" x="${M.left}" y="${H - 4}">${esc(shortDay(first.start))}</text><text class="coverage-label" x="${W - M.right}" y="${H - 4}" text-anchor="end">${esc(shortDay(last.start))}</text>`
      : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="coverage-svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc">` +
    `<title id="${esc(id)}-title">Stories naming ${esc(name)} per week</title><desc id="${esc(id)}-desc">${esc(coverageSummary(series, name))}</desc>` +
    `${grid}${bars}${axis}${yLabels}${xLabels}</svg>`
  );
}
