// The clusterer's centroid table against a Map doing the same sums, through several growths.
import { describe, expect, it } from 'vitest';
import { Centroid } from '../../../src/lib/news/centroid.ts';

describe('Centroid', () => {
  it('sums weights per term as a Map would, through growth, and answers -1 for absent terms', () => {
    const centroid = new Centroid();
    const reference = new Map<number, number>();
    // Spread and clustered ids alike: interned term ids run in order, and big ones appear late.
    const terms = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? i * 7919 : i));
    for (const [round, weight] of [0.5, 0.25, 0.125].entries())
      for (const term of terms.slice(0, 1000 * (round + 1))) {
        centroid.add(term, weight);
        reference.set(term, (reference.get(term) ?? 0) + weight);
      }
    for (const [term, weight] of reference) expect(centroid.get(term)).toBe(weight);
    expect(centroid.get(1)).toBe(0.875);
    expect(centroid.get(2999)).toBe(0.125);
    for (const absent of [3001, 3000 * 7919 + 1, 0x7fffffff]) expect(centroid.get(absent)).toBe(-1);
  });
});
