// The card fonts, read once per process from the @fontsource packages. Satori reads WOFF (not WOFF2)
// and picks one file per family name, so each subset (latin, latin-ext, cyrillic, greek, vietnamese)
// gets a name of its own and the template lists them in order (SERIF_STACK, SANS_STACK).
// Optional script packages (@fontsource/noto-sans-jp and friends) are used when installed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontCoverage } from './coverage.ts';
import type { CardFont } from './render.ts';

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];
const WEIGHTS = [400, 600] as const;

const FAMILIES = [
  { pkg: '@fontsource/source-serif-4', file: 'source-serif-4', name: 'Source Serif 4' },
  { pkg: '@fontsource/inter', file: 'inter', name: 'Inter' },
];

/** Fallbacks for scripts the families above lack; none is a dependency yet, each is used if installed. */
export const OPTIONAL_SCRIPT_FONTS = [
  '@fontsource/noto-sans-jp',
  '@fontsource/noto-sans-sc',
  '@fontsource/noto-sans-kr',
  '@fontsource/noto-sans-arabic',
  '@fontsource/noto-sans-hebrew',
  '@fontsource/noto-sans-devanagari',
  '@fontsource/noto-sans-thai',
];

const stack = (name: string) => [name, ...SUBSETS.slice(1).map((s) => `${name} ${s}`)].join(', ');
export const SERIF_STACK = stack('Source Serif 4');
export const SANS_STACK = stack('Inter');

export interface LoadedFonts {
  fonts: CardFont[];
  /** Every code point some font can draw. */
  covered: Set<number>;
  /**
   * Just the two families' Latin files. Satori tries every loaded font as a fallback, which costs
   * about 10 ms a card with all subsets; most cards need only these.
   */
  latin: { fonts: CardFont[]; covered: Set<number> };
  /** Digest of every font byte: part of each card's cache key, so a font upgrade re-renders the cards. */
  digest: string;
}

let loaded: LoadedFonts | undefined;

function packageDir(require: NodeJS.Require, pkg: string): string | undefined {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
  } catch {
    return undefined;
  }
}

export function loadCardFonts(root = process.cwd()): LoadedFonts {
  if (loaded) return loaded;
  const require = createRequire(join(root, 'package.json'));
  const hash = createHash('sha256');
  const fonts: CardFont[] = [];
  const covered = new Set<number>();
  const latin = { fonts: [] as CardFont[], covered: new Set<number>() };
  const add = (path: string, name: string, weight: CardFont['weight']) => {
    const data = readFileSync(path);
    hash.update(name).update(String(weight)).update(data);
    fontCoverage(data, covered);
    const font: CardFont = { name, weight, style: 'normal', data };
    fonts.push(font);
    if (FAMILIES.some((f) => f.name === name)) {
      latin.fonts.push(font);
      fontCoverage(data, latin.covered);
    }
  };
  for (const family of FAMILIES) {
    const dir = packageDir(require, family.pkg);
    if (!dir) throw new Error(`missing font package ${family.pkg}: run npm install`);
    for (const weight of WEIGHTS)
      for (const [i, subset] of SUBSETS.entries()) {
        const path = join(dir, `${family.file}-${subset}-${weight}-normal.woff`);
        // Not every family has every subset (Source Serif 4 has no greek-ext).
        if (existsSync(path)) add(path, i === 0 ? family.name : `${family.name} ${subset}`, weight);
      }
  }
  for (const pkg of OPTIONAL_SCRIPT_FONTS) {
    const dir = packageDir(require, pkg);
    if (!dir) continue;
    for (const file of readdirSync(dir)
      .filter((f) => /-(400|600)-normal\.woff$/.test(f))
      .sort()) {
      add(join(dir, file), file.replace(/-(400|600)-normal\.woff$/, ''), file.includes('-600-') ? 600 : 400);
    }
  }
  loaded = { fonts, covered, latin, digest: hash.digest('hex').slice(0, 16) };
  return loaded;
}
