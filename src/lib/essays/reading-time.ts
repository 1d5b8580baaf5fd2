// Reading time from an essay's MDX source: prose words only (no imports, components or footnote
// definitions), at 230 words a minute, the pace of careful reading of analytical prose.

const WORDS_PER_MINUTE = 230;

export function countWords(mdx: string): number {
  const prose = mdx
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/^\[\^[^\]]+\]:.*$/gm, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#>*_`~[\]|-]/g, ' ');
  return prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.round(countWords(mdx) / WORDS_PER_MINUTE));
}
