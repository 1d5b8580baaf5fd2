// Crash-safe file writes: the new content goes to a temporary file beside the target, is flushed to
// disk, then renamed over it. A reader (or a process killed mid-write) sees the old file or the new
// one, never half of either.
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

const TEMP = /\.tmp-\d+-[0-9a-z]+$/;

export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes the file only when its bytes would change, and says whether it did. An unchanged file keeps
 * its mtime, so a scheduled run with nothing new leaves no trace for git, rsync or a cache to see.
 */
export function writeFileIfChanged(file: string, text: string): boolean {
  let current: Buffer | undefined;
  try {
    current = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current?.equals(Buffer.from(text))) return false;
  writeFileAtomic(file, text);
  return true;
}

/** Removes temporary files a killed run left behind; call only while holding the store lock. */
export function removeStaleTemps(dir: string): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!TEMP.test(name)) continue;
    rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
