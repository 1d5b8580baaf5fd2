import { describe, expect, it } from 'vitest';
// The MDX parser Astro's MDX integration uses: what it reads is what the build renders.
import { mdxToMdast } from 'satteri';
import { draftIssueMdx, issueFileName } from '../../../src/lib/digest/draft.ts';
import { findPlaceholders } from '../../../src/lib/schema/issue.ts';
import { selectStories } from '../../../src/lib/digest/select.ts';
import { items, topics, weights, window } from './fixtures.ts';

const labels = new Map([
  ['chips', 'Chips'],
  ['energy', 'Energy'],
  ['networks', 'Networks'],
  ['datacenters', 'Data centres'],
]);

function draft() {
  return draftIssueMdx({
    number: 3,
    window,
    date: window.to,
    authors: ['mara-okafor'],
    sections: selectStories(items, { window, weights, topics, perTopic: 2 }),
    essays: [{ slug: 'guarding-the-weights', title: 'Guarding the Weights', dek: 'Security *is* capex [really].', date: new Date('2026-11-18') }],
    topicLabels: labels,
  });
}

type Node = { type: string; name?: string; children?: Node[]; attributes?: Array<{ name: string; value: unknown }> };
const walk = (node: Node): Node[] => [node, ...(node.children ?? []).flatMap(walk)];

describe('draftIssueMdx', () => {
  it('writes frontmatter, the intro placeholder, new essays and each topic with its stories', async () => {
    await expect(draft()).toMatchFileSnapshot('__snapshots__/draft-2026-w47.mdx');
  });

  it('is deterministic', () => {
    expect(draft()).toBe(draft());
  });

  it('leaves one marked take per story and one introduction', () => {
    const marks = findPlaceholders(draft().split('---').slice(2).join('---'));
    expect(marks.filter((m) => m.kind === 'INTRO')).toHaveLength(1);
    expect(marks.filter((m) => m.kind === 'TAKE')).toHaveLength(7);
  });

  it('keeps a hostile headline as plain data in a prop, exactly as the feed gave it', () => {
    const body = draft().replace(/^---[\s\S]*?---\n/, '');
    const tree = mdxToMdast(body) as Node;
    const stories = walk(tree).filter((n) => n.name === 'Story');
    expect(stories).toHaveLength(7);
    expect(walk(tree).some((n) => n.type === 'html' || (n.name && n.name !== 'Story'))).toBe(false);
    const titles = stories.map((s) => {
      const value = s.attributes?.find((a) => a.name === 'title')?.value as { value: string };
      return JSON.parse(value.value) as string;
    });
    expect(titles).toContain('Co-packaged optics switch <script>alert(1)</script> ships {early} & "quietly"');
  });

  it('names files by number and week so they sort in order', () => {
    expect(issueFileName(7, '2026-W47')).toBe('007-2026-w47.mdx');
  });
});
