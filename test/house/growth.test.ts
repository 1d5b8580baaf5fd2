// The linear-time check of the hostile-input tests (test/helpers/growth.ts) tells linear work from
// quadratic work by the ratio of their times, whatever the machine's speed.
import { describe, expect, it } from 'vitest';
import { growth, linearBound } from '../helpers/growth.ts';

/** n² steps: what a parser that rescans its input for each character does. */
function quadratic(n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum = (sum + i * j) % 1_000_003;
  return sum;
}

/** n steps. */
function linear(n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum = (sum + k * 7) % 1_000_003;
  return sum;
}

describe('growth', () => {
  it('reads quadratic work as growing far faster than its input', () => {
    expect(growth(quadratic, 6000).ratio).toBeGreaterThan(linearBound());
  });

  it('reads linear work, a string built by joining, and work too fast to time as linear', () => {
    expect(growth(linear, 16_000_000).ratio).toBeLessThan(linearBound());
    expect(growth((n) => 'ab<c>'.repeat(n).split('<').join('&lt;'), 400_000).ratio).toBeLessThan(linearBound());
    expect(growth(() => 0, 1_000_000).ratio).toBeLessThan(linearBound());
  });
});
