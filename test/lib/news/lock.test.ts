import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockError } from '../../../src/lib/feeds/errors.ts';
import { acquireLock, LOCK_FILE } from '../../../src/lib/news/lock-fs.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'substation-lock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

describe('acquireLock', () => {
  it('refuses a second ingest while one holds the lock, with a clear message', () => {
    const release = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrowError(LockError);
    expect(() => acquireLock(dir)).toThrow(new RegExp(`^another ingest is running \\(pid ${process.pid} on `));
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireLock(dir)();
  });

  it('takes over a stale lock left by a dead process', () => {
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: Number(deadPid()), host: hostname(), started: '2026-11-24T00:00:00.000Z' }));
    const release = acquireLock(dir);
    release();
  });

  it('takes over an unreadable lock, and an old one from another host', () => {
    writeFileSync(path.join(dir, LOCK_FILE), '{"pid":');
    acquireLock(dir)();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', started: '2026-11-24T00:00:00.000Z' }));
    expect(() => acquireLock(dir, new Date('2026-11-24T01:00:00.000Z'))).toThrowError(LockError);
    acquireLock(dir, new Date('2026-11-24T03:00:00.000Z'))();
  });
});
