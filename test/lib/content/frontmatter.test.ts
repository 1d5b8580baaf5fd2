// splitFrontmatter: the fast reading (js-yaml, core schema) and the located errors (yaml's
// parseDocument) agree on what the check needs: values as written, every error with its line.
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('reads the values as written: a date stays its text, lists and booleans are lists and booleans', () => {
    const fm = splitFrontmatter('---\ntitle: "Power: the new floor space"\ndate: 2026-02-30\ntopics: [energy, datacenters]\ndraft: false\n---\n\nBody.\n');
    expect(fm.errors).toEqual([]);
    // A date that does not exist stays text, for the check to reject; a timestamp schema would roll it into March.
    expect(fm.data).toEqual({ title: 'Power: the new floor space', date: '2026-02-30', topics: ['energy', 'datacenters'], draft: false });
    expect(fm.body).toBe('\nBody.\n');
    expect(fm.lines).toEqual({ title: 2, date: 3, topics: 4, draft: 5 });
  });

  it('gives an empty block as null, and a file with no block its own error', () => {
    expect(splitFrontmatter('---\n\n---\nBody').data).toBeNull();
    expect(splitFrontmatter('Body only').errors).toEqual(['1:1 no frontmatter: start the file with a --- block']);
  });

  it('lists every YAML error with its line and column, not only the first', () => {
    const fm = splitFrontmatter('---\ntitle: [unclosed\ndek: fine\ntopics: x\ntopics: y\n---\nBody');
    expect(fm.data).toBeUndefined();
    expect(fm.errors.length).toBeGreaterThanOrEqual(1);
    expect(fm.errors.every((e) => /^\d+:\d+ \S/.test(e))).toBe(true);
    const dup = splitFrontmatter('---\ntitle: A\ndate: 2026-01-01\ntitle: B\n---\nBody');
    expect(dup.data).toBeUndefined();
    expect(dup.errors).toEqual([expect.stringMatching(/^\d+:\d+ Map keys must be unique/)]);
  });
});
