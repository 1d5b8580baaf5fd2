// The social card, 1200x630, as a satori element tree: the site's paper and ink, the mark and name,
// topics as a kicker, the title in Source Serif 4, the dek, then byline and date over an accent rule.
// Bump TEMPLATE_VERSION whenever the look or the bytes change (5: opaque cards as RGB PNGs, png.ts, same
// pixels): it is part of every card's cache key.
import { chartSvg, type CardChart } from './chart.ts';
import { coverText } from './coverage.ts';
import { fitText } from './fit.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './paths.ts';

/** Font stacks as CSS font-family lists; the fonts are named this way by fonts-fs.ts. */
export interface CardFamilies {
  serif: string;
  sans: string;
}

export const TEMPLATE_VERSION = 5;

export interface CardInput {
  /** Small capitals above the title: topic labels, or "Topic", "Newsletter". */
  kicker: string[];
  title: string;
  dek?: string | undefined;
  /** "Mara Okafor and Theo Lindqvist" */
  byline?: string | undefined;
  /** Already formatted, e.g. "14 September 2026". */
  date?: string | undefined;
  /** Bottom-right text when there is no chart, e.g. "substation.example/topics/energy". */
  footer?: string | undefined;
  chart?: CardChart | undefined;
}

export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardNode | string | Array<CardNode | string>; [key: string]: unknown };
}

const C = { paper: '#fbfaf7', raised: '#f2efe8', ink: '#1b1a17', muted: '#5d5a53', rule: '#d9d4c8', accent: '#a8361c' };
const PAD_X = 80;
const LATIN_ONLY: CardFamilies = { serif: 'Source Serif 4', sans: 'Inter' };

const h = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children'], extra: Record<string, unknown> = {}): CardNode => ({
  type,
  props: { style, ...extra, ...(children === undefined ? {} : { children }) },
});

// The mark from src/components/Logo.astro (busbars over a chip's pins), in the card's ink.
const MARK =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="44" height="44">' +
  `<rect x="7" y="9" width="18" height="14" rx="1.5" fill="none" stroke="${C.ink}" stroke-width="2.4"/>` +
  `<path d="M11 4v5M16 4v5M21 4v5M11 23v5M16 23v5M21 23v5" stroke="${C.ink}" stroke-width="2.4" stroke-linecap="round"/>` +
  `<path d="M17.5 11.5 13 16.5h4l-1.5 4 4.5-5h-4z" fill="${C.accent}"/></svg>`;

const dataUri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

function masthead(kicker: string[], f: CardFamilies): CardNode {
  return h('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', width: '100%' }, [
    h('div', { display: 'flex', alignItems: 'center' }, [
      h('img', { width: 44, height: 44 }, undefined, { src: dataUri(MARK), width: 44, height: 44 }),
      h('div', { marginLeft: 16, fontFamily: f.sans, fontWeight: 600, fontSize: 24, letterSpacing: 5, color: C.ink }, 'SUBSTATION'),
    ]),
    h(
      'div',
      { display: 'flex', fontFamily: f.sans, fontWeight: 600, fontSize: 20, letterSpacing: 3, color: C.accent },
      kicker.slice(0, 3).join('  ·  ').toUpperCase(),
    ),
  ]);
}

function chartBlock(chart: CardChart, f: CardFamilies): CardNode | undefined {
  const svg = chartSvg(chart, 300, 120, C.accent);
  if (!svg) return undefined;
  const label = fitText(chart.label, { width: 300, sizes: [{ size: 17, maxLines: 1 }] }).text;
  return h('div', { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', width: 300 }, [
    h('div', { fontFamily: f.sans, fontSize: 17, color: C.muted, marginBottom: 8 }, label),
    h('img', { width: 300, height: 120 }, undefined, { src: dataUri(svg), width: 300, height: 120 }),
  ]);
}

export function cardTree(input: CardInput, f: CardFamilies = LATIN_ONLY): CardNode {
  const textWidth = CARD_WIDTH - 2 * PAD_X;
  const title = fitText(input.title, {
    width: textWidth,
    sizes: [
      { size: 80, maxLines: 2 },
      { size: 68, maxLines: 3 },
      { size: 58, maxLines: 3 },
      { size: 50, maxLines: 4 },
    ],
  });
  // The dek gets whatever room the title leaves, at most three lines.
  const dekLines = title.lines >= 4 ? 0 : title.lines === 3 ? 2 : 3;
  const dek = input.dek && dekLines ? fitText(input.dek, { width: textWidth, sizes: [{ size: 30, maxLines: dekLines }] }) : undefined;
  const chart = input.chart ? chartBlock(input.chart, f) : undefined;
  const meta = [input.byline, input.date].filter(Boolean).join('   ·   ');

  return h('div', { display: 'flex', flexDirection: 'column', width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: C.paper, color: C.ink }, [
    h('div', { display: 'flex', width: '100%', height: 10, backgroundColor: C.accent }),
    h('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: `44px ${PAD_X}px 0` }, [
      masthead(input.kicker, f),
      h('div', { display: 'flex', width: '100%', height: 2, backgroundColor: C.ink, marginTop: 26 }),
      h('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, [
        h(
          'div',
          { display: 'block', fontFamily: f.serif, fontWeight: 600, fontSize: title.size, lineHeight: 1.08, letterSpacing: -0.5, lineClamp: 4 },
          title.text,
        ),
        ...(dek
          ? [
              h(
                'div',
                { display: 'block', fontFamily: f.serif, fontSize: dek.size, lineHeight: 1.3, color: C.muted, marginTop: 22, lineClamp: dekLines },
                dek.text,
              ),
            ]
          : []),
      ]),
    ]),
    h('div', { display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', padding: `0 ${PAD_X}px 40px`, minHeight: 40 }, [
      h('div', { display: 'flex', fontFamily: f.sans, fontSize: 22, color: C.ink }, meta || ' '),
      chart ?? h('div', { display: 'flex', fontFamily: f.sans, fontSize: 20, color: C.muted }, input.footer ?? ''),
    ]),
  ]);
}

/** The input with every character the fonts cannot draw replaced or left out (see coverText). */
export function coverInput(input: CardInput, covered: ReadonlySet<number>): { input: CardInput; dropped: string[] } {
  const dropped: string[] = [];
  const cover = (text: string) => {
    const result = coverText(text, covered);
    dropped.push(...result.dropped);
    return result.text;
  };
  const optional = (text: string | undefined) => (text === undefined ? undefined : cover(text));
  return {
    input: {
      ...input,
      kicker: input.kicker.map(cover),
      title: cover(input.title),
      dek: optional(input.dek),
      byline: optional(input.byline),
      date: optional(input.date),
      footer: optional(input.footer),
      chart: input.chart ? { ...input.chart, label: cover(input.chart.label) } : undefined,
    },
    dropped: [...new Set(dropped)],
  };
}
