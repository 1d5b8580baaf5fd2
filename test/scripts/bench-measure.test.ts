// The benchmarks' measured run (scripts/bench/measure.ts): the peak of the process tree's summed RSS
// and what makes it up, by process, so bench:build can say which process holds the memory.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, routeTimings } from '../../scripts/bench/measure.ts';

describe('measure', () => {
  it('adds a child process to the tree and names it in the peak', { timeout: 30_000 }, async () => {
    // A grandchild that holds 120 MB while it works for 1.5 s: fifteen of the sampler's 100-ms looks.
    const child = "process.title = 'memhog'; const b = Buffer.alloc(120e6, 1); const t = Date.now(); while (Date.now() - t < 1500); console.log(b[7]);";
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' })`;
    const m = await measure(process.execPath, ['-e', parent], { cwd: tmpdir(), env: process.env, timeFile: join(tmpdir(), `measure-${process.pid}.time`) });
    expect(m.code).toBe(0);
    expect(m.output.trim()).toBe('1');
    expect(m.treePeakBy['memhog']).toBeGreaterThan(110 * 1024);
    expect(m.treePeakBy['node']).toBeGreaterThan(0);
    // The tree is the sum of its parts, and at least the largest process.
    expect(m.treePeakKb).toBeGreaterThanOrEqual(Object.values(m.treePeakBy).reduce((a, b) => a + b, 0));
    expect(m.treePeakKb).toBeGreaterThanOrEqual(m.treePeakBy['memhog']!);
  });

  it("reads Astro's per-route times, in ms, s and minutes, and skips restored routes", () => {
    const log = [
      '12:00:01   ├─ /a/index.html (+12ms)',
      '12:00:02   ├─ /b.png (+1.25s)',
      '12:00:03   └─ /c.xml (+1m 5s)',
      '12:00:03   ├─ /d/index.html (restored)',
    ].join('\n');
    expect(routeTimings(log)).toEqual([
      { file: '/a/index.html', ms: 12 },
      { file: '/b.png', ms: 1250 },
      { file: '/c.xml', ms: 65_000 },
    ]);
  });
});
