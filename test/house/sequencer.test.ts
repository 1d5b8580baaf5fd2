// The suite's order (test/setup/sequencer.ts) weighs the heavy files by name: a file renamed or
// removed would silently drop to the end of the queue, so every name it weighs must still exist.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEIGHTS } from '../setup/sequencer.ts';
import { repoRoot } from '../helpers/site.ts';

describe('the suite order', () => {
  it('weighs only test files that exist', () => {
    const missing = [...WEIGHTS.keys()].filter((file) => !existsSync(join(repoRoot, file)));
    expect(missing, 'update WEIGHTS in test/setup/sequencer.ts').toEqual([]);
    expect(WEIGHTS.size).toBeGreaterThan(10);
  });
});
