// One ingest at a time per store: a lock file created exclusively (O_EXCL). A lock left by a dead
// process (same host, pid gone) or an old one from another host is taken over; a live one is refused.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { LockError } from '../feeds/errors.ts';

export const LOCK_FILE = '.ingest.lock';
// A lock from another machine cannot be checked for liveness; past this age it is presumed stale.
const FOREIGN_STALE_MS = 2 * 3_600_000;

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

/** Takes the lock or throws LockError; returns the function that releases it. */
export function acquireLock(dir: string, now: Date = new Date()): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${JSON.stringify(info)}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = readLock(file);
    const stale = !held || (held.host === info.host ? !isAlive(held.pid) : now.getTime() - Date.parse(held.started) > FOREIGN_STALE_MS);
    if (!stale) {
      throw new LockError(
        `another ingest is running (pid ${held.pid} on ${held.host}, started ${held.started}); ` +
          `wait for it to finish, or if it is stuck, stop that process. The lock is ${file}.`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new LockError(`could not take the lock ${file}: another ingest took it first; try again.`);
}
