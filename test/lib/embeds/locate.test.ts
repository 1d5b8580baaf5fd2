// An embed that fails while rendering (its props are code the check cannot read) names the line and
// column in the author's file, as the check does for everything else.
import { describe, expect, it } from 'vitest';
import { EmbedError } from '../../../src/lib/datasets/errors.ts';
import { locateEmbed, located } from '../../../src/lib/embeds/locate.ts';

const text = [
  '---',
  'title: "T"',
  '---',
  '',
  'export const pick = { supplier: "Nobody" };',
  '',
  '<BarChart data="hbm-share" x="year" y="share" alt="All of it." />',
  '',
  '<BarChart data="hbm-share" x="year" y="share"',
  '  where={pick} alt="A filtered one." />',
].join('\n');

describe('locating an embed that failed while rendering', () => {
  it('finds the element by its plain props, and the prop at fault within it', () => {
    const props = { data: 'hbm-share', x: 'year', y: 'share', where: { supplier: 'Nobody' }, alt: 'A filtered one.' };
    expect(locateEmbed(text, 'BarChart', props, 'where')).toEqual({ line: 10, column: 3 });
    expect(locateEmbed(text, 'BarChart', { ...props, alt: 'All of it.', where: undefined }, undefined)).toEqual({ line: 7, column: 1 });
  });

  it('rethrows an EmbedError with file:line:col, and leaves other errors alone', () => {
    const props = { data: 'hbm-share', x: 'year', y: 'share', where: { supplier: 'Nobody' }, alt: 'A filtered one.' };
    const fail = () => {
      throw new EmbedError('the filter leaves no rows', { file: 'content/essays/x.mdx', tag: '<BarChart where={…}>', prop: 'where' });
    };
    expect(() => located(() => text, 'BarChart', props, fail)).toThrow('content/essays/x.mdx:10:3: <BarChart where={…}>: the filter leaves no rows');
    expect(() =>
      located(
        () => text,
        'BarChart',
        props,
        () => {
          throw new TypeError('a bug');
        },
      ),
    ).toThrow(TypeError);
    expect(
      located(
        () => text,
        'BarChart',
        props,
        () => 42,
      ),
    ).toBe(42);
  });
});
