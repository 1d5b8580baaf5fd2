// Fitting a title into the card: try sizes from large to small, and at the smallest cut the text with
// an ellipsis. Satori measures for real when it lays out; this estimate (per-character advance widths
// of Source Serif 4 Semibold, in ems) only has to choose a size and a cut that satori will agree with,
// and the template's lineClamp is the safety net if it does not.

export interface FitOptions {
  /** Width of the text box in px. */
  width: number;
  /** Candidate font sizes in px, largest first, each with the most lines it may take. */
  sizes: ReadonlyArray<{ size: number; maxLines: number }>;
}

export interface FittedText {
  text: string;
  size: number;
  lines: number;
  truncated: boolean;
}

const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function advance(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (ch === ' ') return 0.25;
  if (/[il.,;:'!|ıíìj()[\]]/.test(ch)) return 0.28;
  if (/[ftr"‘’“”\-–]/.test(ch)) return 0.38;
  if (/[MWmw—]/.test(ch)) return 0.86;
  if (/[A-Z\u0410-\u042f\u0391-\u03a9]/.test(ch)) return 0.66;
  if (/[0-9]/.test(ch)) return 0.54;
  return 0.52;
}

export function measure(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * size;
}

// Wide (CJK) characters break anywhere; everything else breaks at spaces.
function tokens(text: string): string[] {
  return (
    text.match(
      /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+\s*|\s+/g,
    ) ?? []
  );
}

/** Greedy line breaking as a browser (and satori) does it. */
export function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens(text.trim())) {
    const next = line + token;
    if (line && measure(next.trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export function fitText(text: string, { width, sizes }: FitOptions): FittedText {
  const clean = text.replace(/\s+/g, ' ').trim();
  for (const { size, maxLines } of sizes) {
    const lines = wrap(clean, size, width);
    if (lines.length <= maxLines) return { text: clean, size, lines: lines.length, truncated: false };
  }
  const last = sizes.at(-1) ?? { size: 48, maxLines: 3 };
  const lines = wrap(clean, last.size, width).slice(0, last.maxLines);
  // Cut the last line back until it and the ellipsis fit, at a word boundary where there is one.
  let tail = lines.pop() ?? '';
  while (tail && measure(`${tail}…`, last.size) > width) tail = tail.includes(' ') ? tail.replace(/\s*\S+$/, '') : [...tail].slice(0, -1).join('');
  const cut = `${[...lines, tail.replace(/[\s,;:.–—-]+$/, '')].join(' ')}…`;
  return { text: cut, size: last.size, lines: last.maxLines, truncated: true };
}
