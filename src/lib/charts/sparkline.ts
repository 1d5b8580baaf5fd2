// Sparkline: a word-sized line drawn by hand (no axes, so Plot is not needed), ending in a dot at
// the latest value. Blank values break the line rather than dropping to zero.

export interface SparklineSpec {
  /** Stable id for <title>/<desc>. */
  id: string;
  /** Values in order; null leaves a gap. */
  values: readonly (number | null)[];
  title: string;
  description: string;
  width?: number;
  height?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (n: number) => Math.round(n * 100) / 100;

export function renderSparkline(spec: SparklineSpec): string {
  const width = spec.width ?? 80;
  const height = spec.height ?? 20;
  const pad = 2.5;
  const defined = spec.values.filter((v): v is number => v !== null);
  const lo = Math.min(...defined);
  const hi = Math.max(...defined);
  const sx = (i: number) => r2(pad + ((width - 2 * pad) * i) / Math.max(1, spec.values.length - 1));
  const sy = (v: number) => r2(hi === lo ? height / 2 : height - pad - ((height - 2 * pad) * (v - lo)) / (hi - lo));
  let d = '';
  let pen = false;
  spec.values.forEach((v, i) => {
    if (v === null) return void (pen = false);
    d += `${pen ? 'L' : 'M'}${sx(i)},${sy(v)}`;
    pen = true;
  });
  const lastIndex = spec.values.findLastIndex((v) => v !== null);
  const dot = lastIndex >= 0 ? `<circle cx="${sx(lastIndex)}" cy="${sy(spec.values[lastIndex]!)}" r="2" fill="currentColor"/>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="sparkline-svg" id="${esc(spec.id)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${esc(spec.id)}-title ${esc(spec.id)}-desc">` +
    `<title id="${esc(spec.id)}-title">${esc(spec.title)}</title><desc id="${esc(spec.id)}-desc">${esc(spec.description)}</desc>` +
    `<path d="${d}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>${dot}</svg>`
  );
}
