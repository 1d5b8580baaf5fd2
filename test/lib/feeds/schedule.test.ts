import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/lib/feeds/limiter.ts';
import { parseRetryAfter } from '../../../src/lib/feeds/retry-after.ts';
import { afterFailure, afterSuccess, describeAttempt, nextAttempt, skipReason } from '../../../src/lib/feeds/schedule.ts';

const now = new Date('2026-11-24T12:00:00.000Z');

describe('backoff', () => {
  it('tolerates one failure, then waits longer each time, up to a day', () => {
    let state = afterFailure(undefined, '500 Internal Server Error', now);
    expect(state).toEqual({ failures: 1, lastError: '500 Internal Server Error' });
    expect(skipReason(state, now)).toBeUndefined();
    state = afterFailure(state, '500 Internal Server Error', now);
    expect(state.retryAfter).toBe('2026-11-24T12:30:00.000Z');
    expect(skipReason(state, now)).toBe('resting until 2026-11-24T12:30:00.000Z after 2 failures: 500 Internal Server Error');
    state = afterFailure(state, 'x', now);
    expect(state.retryAfter).toBe('2026-11-24T13:00:00.000Z');
    for (let i = 0; i < 10; i++) state = afterFailure(state, 'x', now);
    expect(state.retryAfter).toBe('2026-11-25T12:00:00.000Z');
  });

  it('honours Retry-After from the first failure', () => {
    const state = afterFailure(undefined, '429 Too Many Requests', now, 3_600_000);
    expect(state.retryAfter).toBe('2026-11-24T13:00:00.000Z');
    expect(skipReason(state, new Date('2026-11-24T13:00:00.000Z'))).toBeUndefined();
  });

  it('clears failures on success and keeps validators across a 304', () => {
    const failed = afterFailure({ failures: 0, etag: '"a"' }, 'x', now);
    expect(afterSuccess(failed, {})).toEqual({ failures: 0, etag: '"a"' });
    expect(afterSuccess(failed, { etag: '"b"', lastModified: 'Tue' })).toEqual({ failures: 0, etag: '"b"', lastModified: 'Tue' });
  });
});

describe('nextAttempt', () => {
  const resting = (retryAfter: string) => ({ failures: 2, retryAfter });

  it('is the earliest end of a rest across sources', () => {
    expect(nextAttempt([resting('2026-11-24T14:00:00.000Z'), resting('2026-11-24T12:30:00.000Z')], now)).toBe('2026-11-24T12:30:00.000Z');
    expect(describeAttempt('2026-11-24T12:30:00.000Z', now)).toBe('2026-11-24T12:30:00.000Z (in 30 min)');
    // Rounded up: a rest that ends in 20 seconds has not ended "in 0 min".
    expect(describeAttempt('2026-11-24T12:00:20.000Z', now)).toBe('2026-11-24T12:00:20.000Z (in 1 min)');
  });

  it('is undefined when any source is due now: no state, no rest, or a rest that is over', () => {
    const later = resting('2026-11-24T14:00:00.000Z');
    expect(nextAttempt([later, undefined], now)).toBeUndefined();
    expect(nextAttempt([later, { failures: 1 }], now)).toBeUndefined();
    expect(nextAttempt([later, resting('2026-11-24T12:00:00.000Z')], now)).toBeUndefined();
    expect(nextAttempt([], now)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('createLimiter', () => {
  it('limits tasks globally and per key', async () => {
    const limiter = createLimiter(3, 2);
    const active = new Map<string, number>();
    let peakAll = 0;
    let total = 0;
    const peakPerKey = new Map<string, number>();
    const task = (key: string) =>
      limiter.run(key, async () => {
        total++;
        active.set(key, (active.get(key) ?? 0) + 1);
        peakAll = Math.max(peakAll, total);
        peakPerKey.set(key, Math.max(peakPerKey.get(key) ?? 0, active.get(key)!));
        await new Promise((r) => setTimeout(r, 10));
        active.set(key, active.get(key)! - 1);
        total--;
        return key;
      });
    const keys = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c'];
    expect(await Promise.all(keys.map(task))).toEqual(keys);
    expect(peakAll).toBe(3);
    expect(Math.max(...peakPerKey.values())).toBe(2);
  });

  it('releases the slot when a task fails', async () => {
    const limiter = createLimiter(1, 1);
    await expect(limiter.run('a', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await limiter.run('a', async () => 1)).toBe(1);
  });
});
