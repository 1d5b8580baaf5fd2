// Whether work grows in proportion to its input rather than with its square, in a way a busy machine
// cannot fake. A fixed bound alone ("1 MB in under 1.5 s") fails by chance when the suite shares two
// cores with a build (load 15: a process gets a tenth of a core). So the same work is also timed at
// an eighth of the size, each size the fastest of a few runs (a pause of the machine only ever adds
// time), and the ratio of the times counts: eight times the input takes about 8× as long when the
// work is linear, 64× when it is quadratic. Fixed costs (a regex compiled) bring the ratio nearer 1;
// allocation does not scale quite linearly (small inputs stay in V8's young generation), so linear
// code measured 6-28× over the feed tests' inputs with three busy loops beside it.
//
// The work passes when either says linear: under the time bound, or under the ratio bound. A
// quadratic step over these ~1 MB inputs fails both (seconds to minutes, 64×); a loaded machine
// slows both sizes alike and so passes on the ratio, and the allocation effect never costs seconds.
import { expect } from 'vitest';

/** Below this a timing is noise: no quadratic step over the hostile tests' inputs is this fast. */
const NOISE_MS = 2;

/** The fastest of `runs` timings of `work`, in ms. */
function fastest(work: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export interface Growth {
  /** Time at the larger size over time at the smaller. */
  ratio: number;
  /** The fastest run at each size, in ms. */
  smallMs: number;
  largeMs: number;
}

/**
 * How `work(n)` grows from `n = large / factor` to `n = large`: the ratio of the fastest of `runs`
 * timings at each. A warm-up run at the small size goes first, so compiling the code is in neither.
 */
export function growth(work: (n: number) => unknown, large: number, { factor = 8, runs = 3 } = {}): Growth {
  const small = Math.max(1, Math.round(large / factor));
  work(small);
  const smallMs = fastest(() => work(small), runs);
  const largeMs = fastest(() => work(large), runs);
  // Times under the noise floor (a timer tick, an interrupt) count as the floor, scaled to each size:
  // work that stays that fast reads as linear, and a stray pause in a tiny run cannot fail it.
  return { ratio: Math.max(largeMs, NOISE_MS) / Math.max(smallMs, NOISE_MS / factor), smallMs, largeMs };
}

/** The largest ratio that reads as linear for inputs `factor` times larger: half the quadratic factor². */
export const linearBound = (factor = 8) => (factor * factor) / 2;

/** The time under which the large run passes whatever its ratio: ~1 MB of input, read in 0.1-0.3 s. */
export const FAST_MS = 1500;

/** A line for an assertion's message: the two times and their ratio. */
export const describeGrowth = ({ ratio, smallMs, largeMs }: Growth) => `${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms (${ratio.toFixed(1)}×)`;

/** Fails unless `work(n)` is fast at `n = large` or grows about linearly up to it (see above). */
export function expectLinear(work: (n: number) => unknown, large: number, options: { factor?: number; runs?: number } = {}): Growth {
  const measured = growth(work, large, options);
  const linear = measured.largeMs < FAST_MS || measured.ratio < linearBound(options.factor);
  expect(linear, `over ${FAST_MS} ms and growing faster than its input: ${describeGrowth(measured)}`).toBe(true);
  return measured;
}
